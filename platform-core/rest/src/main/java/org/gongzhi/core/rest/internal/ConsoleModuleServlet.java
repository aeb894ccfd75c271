package org.gongzhi.core.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Arrays;
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
 * {@code /console/plugins/<model>/<file>.js} a sibling module a page imports ({@code ./helpers.js});
 * and the platform's page kit ({@link ConsoleKit}) at {@code /console/plugins/kit/<version>/<file>}
 * ({@code /console/plugins/kit/1/ui.js}), which pages import by that absolute path.
 * Modules are code, not data: they are public, like the console's own scripts. 404 for a page
 * that is unknown or whose plugin is gone. Plugin modules are not cached (a reinstalled plugin's
 * module counts at once); the kit, which changes only with the platform, is cached for an hour and
 * revalidated by its entity tag. The HTTP edge filter adds the security headers.
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.name=gongzhi-console-plugin-modules",
        "osgi.http.whiteboard.servlet.pattern=" + ConsoleModuleServlet.PREFIX + "*"})
public final class ConsoleModuleServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** URL prefix of the plugins' console modules. */
    static final String PREFIX = "/console/plugins/";
    static final String JAVASCRIPT = "text/javascript; charset=utf-8";
    /** How long a browser keeps the kit before it asks again (with {@code If-None-Match}). */
    static final String KIT_CACHING = "public, max-age=3600";
    private static final ObjectMapper JSON = Json.mapper();

    private final transient ConsolePages pages;
    private final transient ConsoleKit kit = new ConsoleKit();

    @Activate
    public ConsoleModuleServlet(@Reference ConsolePages pages) {
        this.pages = pages;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<ConsoleKit.File> kitFile = findKit(request.getPathInfo());
        if (kitFile.isPresent()) {
            serveKit(kitFile.get(), request, response);
            return;
        }
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

    private static void serveKit(ConsoleKit.File file, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        response.setHeader("Cache-Control", KIT_CACHING);
        response.setHeader("ETag", file.etag());
        if (matches(request.getHeader("If-None-Match"), file.etag())) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(JAVASCRIPT);
        response.setContentLength(file.bytes().length);
        response.getOutputStream().write(file.bytes());
    }

    /** Whether an {@code If-None-Match} header names {@code etag} (weakly compared) or is {@code *}. */
    static boolean matches(String ifNoneMatch, String etag) {
        return ifNoneMatch != null && Arrays.stream(ifNoneMatch.split(",")).map(String::strip)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(tag -> tag.equals("*") || tag.equals(etag));
    }

    private static void notFound(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), new Problem("https://gongzhi.org/problems/http-404",
                "资源不存在 (not found)", 404, "没有这个控制台页面模块 (no such console page module)", null));
    }

    /** The kit file at {@code /kit/<version>/<file>} (the path below the prefix), if any. */
    Optional<ConsoleKit.File> findKit(String pathInfo) {
        if (pathInfo == null) {
            return Optional.empty();
        }
        String[] parts = pathInfo.split("/", -1);
        return parts.length == 4 && parts[0].isEmpty() && parts[1].equals(ConsoleKit.NAME)
                ? kit.file(parts[2], parts[3]) : Optional.empty();
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
