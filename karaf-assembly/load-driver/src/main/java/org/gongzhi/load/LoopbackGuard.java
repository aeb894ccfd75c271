package org.gongzhi.load;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Checks an address given on the command line ({@code --base}, {@code --keycloak}): http(s) with a host and no
 * query, and — unless {@code --allow-remote} — a loopback host ({@code 127.x.x.x}, {@code ::1} or
 * {@code localhost}). Decided from the text alone, no lookup.
 */
final class LoopbackGuard {

    private LoopbackGuard() {
    }

    /**
     * The URI of {@code option} without a trailing slash; refuses anything else than loopback unless
     * {@code allowRemote}.
     */
    static URI check(String option, String url, boolean allowRemote) {
        URI uri;
        try {
            uri = new URI(url.trim().replaceAll("/+$", ""));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(option + " is not a URL: " + url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException(option + " must be an http:// or https:// URL: " + url);
        }
        if (uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null
                || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(option + " must be scheme://host[:port][/path] only: " + url);
        }
        if (!allowRemote && !isLoopback(uri.getHost())) {
            throw new IllegalArgumentException("refusing non-loopback host " + uri.getHost() + " for " + option
                    + " (the driver targets 127.0.0.1; pass --allow-remote to use another machine deliberately)");
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
