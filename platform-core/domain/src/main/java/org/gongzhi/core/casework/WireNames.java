package org.gongzhi.core.casework;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Wire names of enum constants: lower case with hyphens ({@code VERIFY_PASS} → {@code verify-pass}),
 * and their lookup, ignoring letter case and surrounding white space (not control characters: a name with a NUL
 * in it is unknown, not the name).
 */
public final class WireNames {

    private WireNames() {
    }

    /** The wire name of a constant. */
    public static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The constant whose wire name is {@code text}; empty for {@code null} or an unknown name. */
    public static <E extends Enum<E>> Optional<E> lookup(E[] constants, Function<E, String> wireName, String text) {
        if (text == null) {
            return Optional.empty();
        }
        // strip(), not trim(): trim() also drops control characters such as NUL, which made "grid-worker\0" valid
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        for (E constant : constants) {
            if (wireName.apply(constant).equals(wanted)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }
}
