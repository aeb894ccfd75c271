package org.gongzhi.core.console.internal;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServletResponse;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Serves the residents' reporting page (码上办 / 随手拍) at {@code /report/}: the second page of the
 * front-end build ({@code report/index.html} for its routes such as {@code /report/jizhou/mine},
 * the shared hashed {@code assets/} under {@code /report/assets/}). Residents sign in with a
 * one-time code, not through the identity server, so the page talks to this origin only; photos
 * are shown from {@code blob:} URLs; the browser may ask for the position (geolocation) on this
 * origin only.
 */
@Component(service = Servlet.class, property = {
                "osgi.http.whiteboard.servlet.name=gongzhi-report",
                "osgi.http.whiteboard.servlet.pattern=/report/*"})
public final class ReportServlet extends BuiltPageServlet {

    private static final long serialVersionUID = 1L;

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' blob: data:; font-src 'self' data:; connect-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'self'; object-src 'none'";
    /** Geolocation for this origin only (the default also lets same-origin frames ask); the camera is opened by the file input, which needs no permission. */
    static final String PERMISSIONS = "geolocation=(self)";

    @Activate
    public ReportServlet(BundleContext context) {
        this(new ConsoleAssets(path -> context.getBundle().getEntry("console/" + path)));
    }

    ReportServlet(ConsoleAssets assets) {
        super(assets, "report/");
    }

    @Override
    void pageHeaders(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", POLICY);
        response.setHeader("Permissions-Policy", PERMISSIONS);
    }
}
