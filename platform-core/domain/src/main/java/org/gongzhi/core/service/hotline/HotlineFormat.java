package org.gongzhi.core.service.hotline;

import java.util.Locale;
import java.util.Optional;

/**
 * Format of a 12345 hotline batch; the wire name is the lower-case constant ({@code csv},
 * {@code xml}, {@code json}).
 *
 * @since 1.3
 */
public enum HotlineFormat {
    /** Comma-separated, first line the header (Chinese or English column names). */
    CSV,
    /** {@code <tickets><ticket>…</ticket></tickets>}, one child element per field. */
    XML,
    /** An array of ticket objects. */
    JSON;

    /** {@code csv}, {@code xml} or {@code json}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name (blanks and case ignored); empty for {@code null} or unknown. */
    public static Optional<HotlineFormat> fromWireName(String wireName) {
        if (wireName == null) {
            return Optional.empty();
        }
        String w = wireName.strip().toLowerCase(Locale.ROOT);
        for (HotlineFormat f : values()) {
            if (f.wireName().equals(w)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
