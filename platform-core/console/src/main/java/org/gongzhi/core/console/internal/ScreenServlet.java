package org.gongzhi.core.console.internal;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServletResponse;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Serves the big screen (大屏) at {@code /screen/}: the third page of the front-end build
 * ({@code screen/index.html} for its routes {@code /screen/<district>/} and {@code /screen/city/},
 * the shared hashed {@code assets/} under {@code /screen/assets/}). Its policy is the console's
 * (scripts from this origin only; network calls to this origin and the identity server, whose
 * address is read from the token validator's service properties: {@link SignedInPageServlet})
 * and stricter on images: this origin, {@code data:} and {@code blob:} only, since a wall shows
 * nothing from elsewhere. Plugin panels are modules from this origin ({@code /console/plugins/}).
 * The screen asks for no device permission.
 */
@Component(service = Servlet.class, property = {
                "osgi.http.whiteboard.servlet.name=gongzhi-screen",
                "osgi.http.whiteboard.servlet.pattern=/screen/*"})
public final class ScreenServlet extends SignedInPageServlet {

    private static final long serialVersionUID = 1L;

    /** No camera, microphone, position or other device for the wall's page or anything it embeds. */
    static final String PERMISSIONS = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    @Activate
    public ScreenServlet(BundleContext context) {
        this(new ConsoleAssets(path -> context.getBundle().getEntry("console/" + path)));
    }

    /** Images from this origin, data and blobs only: a wall shows nothing from elsewhere. */
    ScreenServlet(ConsoleAssets assets) {
        super(assets, "screen/", "img-src 'self' data: blob:;");
    }

    @Override
    void pageHeaders(HttpServletResponse response) {
        super.pageHeaders(response);
        response.setHeader("Permissions-Policy", PERMISSIONS);
    }
}
