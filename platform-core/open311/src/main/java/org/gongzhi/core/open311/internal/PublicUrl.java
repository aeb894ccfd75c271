package org.gongzhi.core.open311.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The endpoint's URL as clients reach it. Behind a TLS reverse proxy the request arrives as
 * {@code http://127.0.0.1:8181/…}; the proxy says what the client used in {@code X-Forwarded-Proto}
 * and {@code X-Forwarded-Host}. Those headers are honoured only when the request comes straight from
 * one of the configured trusted proxies (IP addresses), because anyone else can send them; the last
 * value of each header counts (the one the nearest proxy added). Immutable, thread-safe.
 */
final class PublicUrl {

    private static final Logger LOG = LoggerFactory.getLogger(PublicUrl.class);
    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    /** A host name or IPv4 address, or a bracketed IPv6 address, with an optional port. */
    private static final Pattern HOST = Pattern.compile(
            "([A-Za-z0-9]([A-Za-z0-9-]{0,62})(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*|\\[[0-9A-Fa-f:.]+])(:\\d{1,5})?");

    private final Set<InetAddress> trusted;

    private PublicUrl(Set<InetAddress> trusted) {
        this.trusted = Set.copyOf(trusted);
    }

    /**
     * From the configured addresses; anything but an IP literal (a host name would need a DNS
     * look-up on every request) is skipped with a warning naming its position.
     */
    static PublicUrl trusting(String[] addresses) {
        Set<InetAddress> out = new HashSet<>();
        int position = 0;
        for (String value : addresses == null ? new String[0] : addresses) {
            for (String entry : value.split(",")) {
                if (entry.isBlank()) {
                    continue;
                }
                position++;
                Optional<InetAddress> address = literal(entry.strip());
                if (address.isPresent()) {
                    out.add(address.get());
                } else {
                    LOG.warn("Open311 trustedProxies entry {} skipped: not an IP address", position);
                }
            }
        }
        return new PublicUrl(out);
    }

    /** The IP address written in {@code text}, without any name look-up; empty for anything else. */
    static Optional<InetAddress> literal(String text) {
        if (text == null || !(IPV4.matcher(text).matches() || IPV6.matcher(text).matches())) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text)); // a literal: no DNS
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    boolean trusts(String remoteAddress) {
        return !trusted.isEmpty() && literal(remoteAddress).filter(trusted::contains).isPresent();
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
        String scheme = last(forwardedProto);
        scheme = scheme == null ? null : scheme.toLowerCase(Locale.ROOT);
        if (scheme != null && !scheme.equals("http") && !scheme.equals("https")) {
            scheme = null;
        }
        String host = last(forwardedHost);
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

    /** The last value of a header that may repeat or hold a comma list. */
    private static String last(List<String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        String[] parts = values.get(values.size() - 1).split(",");
        String v = parts[parts.length - 1].strip();
        return v.isEmpty() ? null : v;
    }
}
