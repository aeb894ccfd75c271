package org.gongzhi.core.console.internal;

import java.util.List;
import java.util.Map;

import javax.servlet.http.HttpServletResponse;

import org.gongzhi.core.identity.TokenValidator;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * A built page whose people sign in at the identity server (the console, the big screen): its
 * Content-Security-Policy allows scripts from this origin only, and network calls, frames and forms
 * to this origin and the identity server. The server's origin is {@code publicKeycloakUrl} or
 * {@code keycloakUrl} of the token validator's configuration, read from its service properties, so
 * that a configuration change updates the policy without re-registering the servlet. Subclasses say
 * where images and media may come from and may add headers.
 */
abstract class SignedInPageServlet extends BuiltPageServlet {

    private static final long serialVersionUID = 1L;

    private final String imageSources;
    private volatile String policy;

    /**
     * @param imageSources the policy's directives for images and media, e.g. {@code img-src 'self' data:;}
     */
    SignedInPageServlet(ConsoleAssets assets, String folder, String imageSources) {
        super(assets, folder);
        this.imageSources = imageSources;
        this.policy = contentSecurityPolicy(null);
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

    /** The page's policy with {@code identityOrigin} (none when null). */
    final String contentSecurityPolicy(String identityOrigin) {
        String idp = identityOrigin == null ? "" : " " + identityOrigin;
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                + imageSources + " font-src 'self' data:; "
                + "connect-src 'self'" + idp + "; frame-src 'self'" + idp + "; form-action 'self'" + idp + "; "
                + "frame-ancestors 'none'; base-uri 'self'; object-src 'none'";
    }

    @Override
    void pageHeaders(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", policy);
    }
}
