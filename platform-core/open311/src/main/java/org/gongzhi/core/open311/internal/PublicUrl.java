package org.gongzhi.core.open311.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.gongzhi.core.http.TrustedProxies;

/**
 * The endpoint's URL as clients reach it. Behind a TLS reverse proxy the request arrives as
 * {@code http://127.0.0.1:8181/…}; the proxy says what the client used in {@code X-Forwarded-Proto}
 * and {@code X-Forwarded-Host}. Those headers are honoured only when the request comes straight from
 * one of the configured trusted proxies (IP addresses), because anyone else can send them; the last
 * value of each header counts (the one the nearest proxy added). Immutable, thread-safe.
 */
final class PublicUrl {

    /** A host name or IPv4 address, or a bracketed IPv6 address, with an optional port. */
    private static final Pattern HOST = Pattern.compile(
            "([A-Za-z0-9]([A-Za-z0-9-]{0,62})(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*|\\[[0-9A-Fa-f:.]+])(:\\d{1,5})?");

    private final TrustedProxies trusted;

    private PublicUrl(TrustedProxies trusted) {
        this.trusted = trusted;
    }

    /**
     * From the configured addresses; anything but an IP literal (a host name would need a DNS
     * look-up on every request) is skipped with a warning naming its position.
     */
    static PublicUrl trusting(String[] addresses) {
        return new PublicUrl(TrustedProxies.of("Open311 trustedProxies", addresses));
    }

    boolean trusts(String remoteAddress) {
        return trusted.trusts(remoteAddress);
    }

    /**
     * {@code base} (as the request reached us) with the scheme and host the trusted proxy reports;
     * unchanged when the peer is not trusted or the headers are missing or malformed.
     *
     * @param forwardedProto all {@code X-Forwarded-Proto} values, may be empty
     * @param forwardedHost  all {@code X-Forwarded-Host} values, may be empty
     */
    URI resolve(URI base, String remoteAddress, List<String> forwardedProto, List<String> forwardedHost) {
        if (!trusts(remoteAddress)) {
            return base;
        }
        String scheme = TrustedProxies.lastValue(forwardedProto);
        scheme = scheme == null ? null : scheme.toLowerCase(Locale.ROOT);
        if (scheme != null && !scheme.equals("http") && !scheme.equals("https")) {
            scheme = null;
        }
        String host = TrustedProxies.lastValue(forwardedHost);
        if (host != null && !HOST.matcher(host).matches()) {
            host = null;
        }
        if (scheme == null && host == null) {
            return base;
        }
        String authority = host != null ? host : base.getRawAuthority();
        try {
            return new URI((scheme != null ? scheme : base.getScheme()) + "://" + authority + base.getRawPath());
        } catch (URISyntaxException e) {
            return base;
        }
    }
}
