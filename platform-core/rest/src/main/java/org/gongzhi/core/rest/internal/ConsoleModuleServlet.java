package org.gongzhi.core.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Optional;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Serves the ES modules of the plugins' console pages from the plugins' bundles:
 * {@code GET /console/plugins/<model>/<id>.js} is the module of page {@code <id>}, and
 * {@code /console/plugins/<model>/<file>.js} a sibling module a page imports ({@code ./ui.js}).
 * Modules are code, not data: they are public, like the console's own scripts. 404 for a page
 * that is unknown or whose plugin is gone. The HTTP edge filter adds the security headers.
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.name=gongzhi-console-plugin-modules",
        "osgi.http.whiteboard.servlet.pattern=" + ConsoleModuleServlet.PREFIX + "*"})
public final class ConsoleModuleServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** URL prefix of the plugins' console modules. */
    static final String PREFIX = "/console/plugins/";
    static final String JAVASCRIPT = "text/javascript; charset=utf-8";
    private static final ObjectMapper JSON = Json.mapper();

    private final transient ConsolePages pages;

    @Activate
    public ConsoleModuleServlet(@Reference ConsolePages pages) {
        this.pages = pages;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<URL> module = find(request.getPathInfo());
        if (module.isEmpty()) {
            notFound(response);
            return;
        }
        byte[] bytes;
        try (InputStream in = module.get().openStream()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            notFound(response); // the plugin's bundle went away between finding and reading
            return;
        }
        response.setContentType(JAVASCRIPT);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private static void notFound(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), new Problem("https://gongzhi.org/problems/http-404",
                "资源不存在 (not found)", 404, "没有这个控制台页面模块 (no such console page module)", null));
    }

    /** The module at {@code /<model>/<file>} (the path below the prefix), if any. */
    Optional<URL> find(String pathInfo) {
        if (pathInfo == null) {
            return Optional.empty();
        }
        String[] parts = pathInfo.split("/", -1);
        return parts.length == 3 && parts[0].isEmpty() ? pages.module(parts[1], parts[2]) : Optional.empty();
    }
}
