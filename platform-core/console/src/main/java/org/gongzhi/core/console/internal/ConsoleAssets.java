package org.gongzhi.core.console.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;

/**
 * The built console (Vite's output under {@code console/} in the bundle), read once per file and
 * kept in memory with a gzip copy of text files. Files are immutable while the bundle lives.
 */
final class ConsoleAssets {

    /** The single-page application's entry document. */
    static final String INDEX = "index.html";

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("webp", "image/webp"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("ttf", "font/ttf"),
            Map.entry("txt", "text/plain; charset=utf-8"));

    /** One file: its bytes, gzip bytes when compressing pays, and its media type. */
    record Asset(String name, byte[] bytes, byte[] gzip, String type) {
        /** Hashed build output may be cached for ever; other files must be revalidated. */
        boolean immutable() {
            return name.startsWith("assets/");
        }
    }

    private final Function<String, URL> resources;
    private final Map<String, Optional<Asset>> cache = new ConcurrentHashMap<>();

    /** @param resources finds a file of the build by its path under {@code console/}, or null */
    ConsoleAssets(Function<String, URL> resources) {
        this.resources = resources;
    }

    /**
     * The file at {@code path} (relative, no leading slash), or empty when the build has none or
     * the path is not a plain relative path.
     */
    Optional<Asset> find(String path) {
        if (!safe(path)) {
            return Optional.empty();
        }
        return cache.computeIfAbsent(path, this::load);
    }

    /** A relative path of plain segments: no {@code ..}, no empty or hidden segments, no backslash. */
    static boolean safe(String path) {
        if (path == null || path.isEmpty() || path.length() > 200 || path.contains("\\") || path.startsWith("/")) {
            return false;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.startsWith(".")) {
                return false;
            }
        }
        return path.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }

    /** The media type by extension; {@code application/octet-stream} when unknown. */
    static String typeOf(String path) {
        int dot = path.lastIndexOf('.');
        String ext = dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }

    private Optional<Asset> load(String path) {
        URL url = resources.apply(path);
        if (url == null) {
            return Optional.empty();
        }
        try (InputStream in = url.openStream()) {
            byte[] bytes = in.readAllBytes();
            String type = typeOf(path);
            return Optional.of(new Asset(path, bytes, compressible(type) ? gzip(bytes) : null, type));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read console file " + path, e);
        }
    }

    private static boolean compressible(String type) {
        return type.startsWith("text/") || type.startsWith("application/json") || type.startsWith("image/svg");
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] compressed = out.toByteArray();
        return compressed.length < bytes.length ? compressed : null;
    }
}
