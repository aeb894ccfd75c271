package org.gongzhi.core.service.hotline;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a closed hotline case stands in the callback (回访). Wire names: the constant in lower case.
 *
 * @since 1.1
 */
public enum CallbackState {
    /** 待回访: to be called (fewer failed attempts than the district allows). */
    DUE,
    /** 未回访成功: the district's number of failed attempts is reached; off the to-call list. */
    UNREACHABLE,
    /** 已回访: reached, the satisfaction is the case's evaluation. */
    EVALUATED;

    /** {@code due}, {@code unreachable}, {@code evaluated}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name (blanks and letter case ignored); empty for {@code null} or an unknown name. */
    public static Optional<CallbackState> fromWireName(String wire) {
        if (wire == null) {
            return Optional.empty();
        }
        for (CallbackState s : values()) {
            if (s.wireName().equals(wire.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
