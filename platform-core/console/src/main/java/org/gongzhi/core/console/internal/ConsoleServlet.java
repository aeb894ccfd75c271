package org.gongzhi.core.console.internal;

import javax.servlet.Servlet;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Serves the web console at {@code /console/} ({@link BuiltPageServlet}: the built files of this
 * bundle, the console's {@code index.html} for its routes such as {@code /console/jizhou/cases})
 * with the policy of a {@link SignedInPageServlet}.
 */
@Component(service = Servlet.class, property = {
                "osgi.http.whiteboard.servlet.name=gongzhi-console",
                "osgi.http.whiteboard.servlet.pattern=/console/*"})
public final class ConsoleServlet extends SignedInPageServlet {

    private static final long serialVersionUID = 1L;

    @Activate
    public ConsoleServlet(BundleContext context) {
        this(new ConsoleAssets(path -> context.getBundle().getEntry("console/" + path)));
    }

    /** Images from anywhere (attachments may be department links), media from this origin and blobs. */
    ConsoleServlet(ConsoleAssets assets) {
        super(assets, "", "img-src 'self' data: blob: https: http:; media-src 'self' blob:;");
    }
}
