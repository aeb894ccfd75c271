package org.gongzhi.core.console.internal;

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
 * Serves the big screen (大屏) at {@code /screen/}: the third page of the front-end build
 * ({@code screen/index.html} for its routes {@code /screen/<district>/} and {@code /screen/city/},
 * the shared hashed {@code assets/} under {@code /screen/assets/}). Its policy is the console's
 * (scripts from this origin only; network calls to this origin and the identity server, whose
 * address is read from the token validator's service properties like {@link ConsoleServlet} does)
 * and stricter on images: this origin, {@code data:} and {@code blob:} only, since a wall shows
 * nothing from elsewhere. Plugin panels are modules from this origin ({@code /console/plugins/}).
 * The screen asks for no device permission.
 */
@Component(service = Servlet.class, property = {
                "osgi.http.whiteboard.servlet.name=gongzhi-screen",
                "osgi.http.whiteboard.servlet.pattern=/screen/*"})
public final class ScreenServlet extends BuiltPageServlet {

    private static final long serialVersionUID = 1L;

    /** No camera, microphone, position or other device for the wall's page or anything it embeds. */
    static final String PERMISSIONS = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    private volatile String policy = contentSecurityPolicy(null);

    @Activate
    public ScreenServlet(BundleContext context) {
        this(new ConsoleAssets(path -> context.getBundle().getEntry("console/" + path)));
    }

    ScreenServlet(ConsoleAssets assets) {
        super(assets, "screen/");
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, updated = "validatorUpdated")
    void bindValidator(TokenValidator validator, Map<String, Object> properties) {
        policy = contentSecurityPolicy(ConsoleServlet.identityOrigin(properties));
    }

    void validatorUpdated(TokenValidator validator, Map<String, Object> properties) {
        policy = contentSecurityPolicy(ConsoleServlet.identityOrigin(properties));
    }

    void unbindValidator(TokenValidator validator) {
        policy = contentSecurityPolicy(null);
    }

    static String contentSecurityPolicy(String identityOrigin) {
        String idp = identityOrigin == null ? "" : " " + identityOrigin;
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data: blob:; font-src 'self' data:; "
                + "connect-src 'self'" + idp + "; frame-src 'self'" + idp + "; form-action 'self'" + idp + "; "
                + "frame-ancestors 'none'; base-uri 'self'; object-src 'none'";
    }

    @Override
    void pageHeaders(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", policy);
        response.setHeader("Permissions-Policy", PERMISSIONS);
    }
}
