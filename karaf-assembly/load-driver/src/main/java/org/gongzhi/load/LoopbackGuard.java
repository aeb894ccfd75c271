package org.gongzhi.load;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Checks the {@code --base} address: http(s) with a host and no query, and — unless {@code --allow-remote} —
 * a loopback host ({@code 127.x.x.x}, {@code ::1} or {@code localhost}). Decided from the text alone, no lookup.
 */
final class LoopbackGuard {

    private LoopbackGuard() {
    }

    /** The base URI without a trailing slash; refuses anything else than loopback unless {@code allowRemote}. */
    static URI check(String base, boolean allowRemote) {
        URI uri;
        try {
            uri = new URI(base.trim().replaceAll("/+$", ""));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--base is not a URL: " + base);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("--base must be an http:// or https:// URL: " + base);
        }
        if (uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null
                || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("--base must be scheme://host[:port][/path] only: " + base);
        }
        if (!allowRemote && !isLoopback(uri.getHost())) {
            throw new IllegalArgumentException("refusing non-loopback host " + uri.getHost()
                    + " (the driver targets 127.0.0.1; pass --allow-remote to load another machine deliberately)");
        }
        return uri;
    }

    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
            return true;
        }
        String[] octets = h.split("\\.", -1);
        if (octets.length != 4 || !octets[0].equals("127")) {
            return false;
        }
        for (String o : octets) {
            if (!o.matches("\\d{1,3}") || Integer.parseInt(o) > 255) {
                return false;
            }
        }
        return true;
    }
}
