package org.gongzhi.core.console.internal;

import java.io.IOException;
import java.util.Optional;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Serves one page of the front-end build (Vite's multi-page output under {@code console/} in this
 * bundle): the page's own files from its folder of the build ({@code ""} for the console,
 * {@code report/} for the resident page), the hashed {@code assets/} the pages share from the
 * build's root, and the page's {@code index.html} for every other path without a file extension
 * (the page's own routes). Hashed files are cached for a year, everything else is revalidated;
 * text is sent gzip-compressed to clients that accept it. Each page sets its own
 * Content-Security-Policy (and other page headers) in {@link #pageHeaders}.
 */
abstract class BuiltPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient ConsoleAssets assets;
    private final String folder;

    /**
     * @param assets the build's files
     * @param folder the page's folder in the build, empty or ending in {@code /}
     */
    BuiltPageServlet(ConsoleAssets assets, String folder) {
        if (!folder.isEmpty() && !folder.endsWith("/")) {
            throw new IllegalArgumentException("a page folder ends with /: " + folder);
        }
        this.assets = assets;
        this.folder = folder;
    }

    /** Sets the page's own headers (its Content-Security-Policy at least) on every answer. */
    abstract void pageHeaders(HttpServletResponse response);

    /** The build's file for {@code path} (relative to the servlet), or empty for a 404. */
    Optional<ConsoleAssets.Asset> resolve(String path) {
        // Vite writes the chunks of every page to the build's assets/, whatever the page's folder
        Optional<ConsoleAssets.Asset> asset = assets.find(path.startsWith("assets/") ? path : folder + path);
        return asset.isEmpty() && isRoute(path) ? assets.find(folder + ConsoleAssets.INDEX) : asset;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String info = request.getPathInfo();
        String path = info == null || info.equals("/") ? ConsoleAssets.INDEX : info.substring(1);
        Optional<ConsoleAssets.Asset> asset = resolve(path);
        if (asset.isEmpty()) {
            response.setHeader("Cache-Control", "no-cache");
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        send(asset.get(), request, response);
    }

    /** A route of the page (the application decides what it shows), not a missing file. */
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
        pageHeaders(response);
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
