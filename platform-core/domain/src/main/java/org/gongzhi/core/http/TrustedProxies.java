package org.gongzhi.core.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reverse proxies (IP addresses) whose forwarding headers count. Behind a TLS proxy a request
 * arrives from the proxy's address; the proxy says who the client was ({@code X-Forwarded-For}) and
 * what it used ({@code X-Forwarded-Proto}, {@code X-Forwarded-Host}). Anyone can send those headers,
 * so they are believed only when the request comes straight from a trusted proxy; of a header the
 * proxy appended to, the last value is the one it added. Only IP literals are accepted (a host name
 * would need a DNS look-up on every request). Immutable, thread-safe.
 *
 * <p>Used by the Open311 endpoint (its public URL) and the resident page (the client's address for
 * rate limits); each reads the addresses from its own configuration ({@code trustedProxies}).
 *
 * @since 1.0
 */
public final class TrustedProxies {

    private static final Logger LOG = LoggerFactory.getLogger(TrustedProxies.class);
    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final TrustedProxies NONE = new TrustedProxies(Set.of());

    private final Set<InetAddress> trusted;

    private TrustedProxies(Set<InetAddress> trusted) {
        this.trusted = Set.copyOf(trusted);
    }

    /** No proxy is trusted: forwarding headers never count. */
    public static TrustedProxies none() {
        return NONE;
    }

    /**
     * From configured values, each a comma-separated list of IP literals; anything else is skipped
     * with a warning that names {@code setting} and the entry's position (never its text).
     */
    public static TrustedProxies of(String setting, String... values) {
        Set<InetAddress> out = new HashSet<>();
        int position = 0;
        for (String value : values == null ? new String[0] : values) {
            for (String entry : value == null ? new String[0] : value.split(",")) {
                if (entry.isBlank()) {
                    continue;
                }
                position++;
                Optional<InetAddress> address = literal(entry.strip());
                if (address.isPresent()) {
                    out.add(address.get());
                } else {
                    LOG.warn("{} entry {} skipped: not an IP address", setting, position);
                }
            }
        }
        return out.isEmpty() ? NONE : new TrustedProxies(out);
    }

    /** The IP address written in {@code text}, without any name look-up; empty for anything else. */
    public static Optional<InetAddress> literal(String text) {
        if (text == null || !(IPV4.matcher(text).matches() || IPV6.matcher(text).matches())) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text)); // a literal: no DNS
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code remoteAddress} (the TCP peer) is one of the trusted proxies. */
    public boolean trusts(String remoteAddress) {
        return !trusted.isEmpty() && literal(remoteAddress).filter(trusted::contains).isPresent();
    }

    /**
     * The client's address: the TCP peer, or, when the peer is a trusted proxy, the nearest address in
     * {@code X-Forwarded-For} that is not itself a trusted proxy (read from the right, so that a
     * client cannot choose its address by sending the header itself). A malformed entry there ends
     * the search: the address before it is the answer. Never {@code null} for a non-null peer.
     *
     * @param forwardedFor all {@code X-Forwarded-For} values in order, may be {@code null} or empty
     */
    public String clientAddress(String remoteAddress, List<String> forwardedFor) {
        if (!trusts(remoteAddress) || forwardedFor == null || forwardedFor.isEmpty()) {
            return remoteAddress;
        }
        String client = remoteAddress;
        for (int h = forwardedFor.size() - 1; h >= 0; h--) {
            String[] parts = forwardedFor.get(h) == null ? new String[0] : forwardedFor.get(h).split(",");
            for (int i = parts.length - 1; i >= 0; i--) {
                Optional<InetAddress> hop = literal(parts[i].strip());
                if (hop.isEmpty()) {
                    return client;
                }
                client = hop.get().getHostAddress();
                if (!trusted.contains(hop.get())) {
                    return client;
                }
            }
        }
        return client;
    }

    /** The last value of a header that may repeat or hold a comma list; {@code null} for none. */
    public static String lastValue(List<String> values) {
        if (values == null || values.isEmpty() || values.get(values.size() - 1) == null) {
            return null;
        }
        String[] parts = values.get(values.size() - 1).split(",");
        String v = parts.length == 0 ? "" : parts[parts.length - 1].strip();
        return v.isEmpty() ? null : v;
    }
}
