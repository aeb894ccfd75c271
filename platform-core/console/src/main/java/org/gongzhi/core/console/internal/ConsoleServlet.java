package org.gongzhi.core.console.internal;

import java.util.List;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServletResponse;

import org.gongzhi.core.identity.TokenValidator;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Serves the web console at {@code /console/} ({@link BuiltPageServlet}: the built files of this
 * bundle, the console's {@code index.html} for its routes such as {@code /console/jizhou/cases}).
 * The Content-Security-Policy allows scripts from this origin only and
 * network calls to this origin and the identity server ({@code publicKeycloakUrl} or
 * {@code keycloakUrl} of the token validator's configuration, read from its service properties, so
 * that a configuration change updates the policy without re-registering the servlet).
 */
@Component(service = Servlet.class, property = {
                "osgi.http.whiteboard.servlet.name=gongzhi-console",
                "osgi.http.whiteboard.servlet.pattern=/console/*"})
public final class ConsoleServlet extends BuiltPageServlet {

    private static final long serialVersionUID = 1L;

    private volatile String policy = contentSecurityPolicy(null);

    @Activate
    public ConsoleServlet(BundleContext context) {
        this(new ConsoleAssets(path -> context.getBundle().getEntry("console/" + path)));
    }

    ConsoleServlet(ConsoleAssets assets) {
        super(assets, "");
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, updated = "validatorUpdated")
    void bindValidator(TokenValidator validator, Map<String, Object> properties) {
        policy = contentSecurityPolicy(identityOrigin(properties));
    }

    void validatorUpdated(TokenValidator validator, Map<String, Object> properties) {
        policy = contentSecurityPolicy(identityOrigin(properties));
    }

    void unbindValidator(TokenValidator validator) {
        policy = contentSecurityPolicy(null);
    }

    /** The identity server's origin (scheme, host, port), or null when none is configured. */
    static String identityOrigin(Map<String, Object> config) {
        for (String key : List.of("publicKeycloakUrl", "keycloakUrl")) {
            if (config.get(key) instanceof String url && !url.isBlank()) {
                java.net.URI uri = java.net.URI.create(url.strip());
                if (uri.getScheme() != null && uri.getHost() != null) {
                    return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
                }
            }
        }
        return null;
    }

    static String contentSecurityPolicy(String identityOrigin) {
        String idp = identityOrigin == null ? "" : " " + identityOrigin;
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data: blob: https: http:; media-src 'self' blob:; font-src 'self' data:; "
                + "connect-src 'self'" + idp + "; frame-src 'self'" + idp + "; form-action 'self'" + idp + "; "
                + "frame-ancestors 'none'; base-uri 'self'; object-src 'none'";
    }

    @Override
    void pageHeaders(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", policy);
    }
}
