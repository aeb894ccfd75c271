package org.gongzhi.core.console.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
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
 * Serves the web console at {@code /console/}: the built files of this bundle, and the
 * application's {@code index.html} for every other path without a file extension (the
 * console's own routes, such as {@code /console/jizhou/cases}). Hashed files under
 * {@code assets/} are cached for a year, everything else is revalidated; text is sent gzip-compressed
 * to clients that accept it. The Content-Security-Policy allows scripts from this origin only and
 * network calls to this origin and the identity server ({@code publicKeycloakUrl} or
 * {@code keycloakUrl} of the token validator's configuration, read from its service properties, so
 * that a configuration change updates the policy without re-registering the servlet).
 */
@Component(service = Servlet.class, property = {
                "osgi.http.whiteboard.servlet.name=gongzhi-console",
                "osgi.http.whiteboard.servlet.pattern=/console/*"})
public final class ConsoleServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient ConsoleAssets assets;
    private volatile String policy = contentSecurityPolicy(null);

    @Activate
    public ConsoleServlet(BundleContext context) {
        this(new ConsoleAssets(path -> context.getBundle().getEntry("console/" + path)));
    }

    ConsoleServlet(ConsoleAssets assets) {
        this.assets = assets;
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
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String info = request.getPathInfo();
        String path = info == null || info.equals("/") ? ConsoleAssets.INDEX : info.substring(1);
        Optional<ConsoleAssets.Asset> asset = assets.find(path);
        if (asset.isEmpty() && isRoute(path)) {
            asset = assets.find(ConsoleAssets.INDEX);
        }
        if (asset.isEmpty()) {
            response.setHeader("Cache-Control", "no-cache");
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        send(asset.get(), request, response);
    }

    /** A console route (the application decides what it shows), not a missing file. */
    static boolean isRoute(String path) {
        if (path.startsWith("assets/") || path.startsWith("plugins/")) {
            return false;
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        return !last.contains(".") && path.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }

    private void send(ConsoleAssets.Asset asset, HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType(asset.type());
        response.setHeader("Cache-Control", asset.immutable() ? "public, max-age=31536000, immutable" : "no-cache");
        response.setHeader("Content-Security-Policy", policy);
        response.setHeader("Vary", "Accept-Encoding");
        String accept = request.getHeader("Accept-Encoding");
        byte[] body = asset.bytes();
        if (asset.gzip() != null && accept != null && accept.contains("gzip")) {
            response.setHeader("Content-Encoding", "gzip");
            body = asset.gzip();
        }
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }
}
