package org.gongzhi.plugins.oldmanstudios.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A value with a wire name (JSON, refs, URLs) and zh-CN / English labels. An enum implements it by
 * holding one {@link Label}; the accessors below read it.
 */
interface Labelled {

    /** The wire name and the two labels of one value. */
    record Label(String wire, String zh, String en) {
    }

    Label label();

    /** Name used in JSON and refs, e.g. {@code land-forest}. */
    default String wire() {
        return label().wire();
    }

    default String labelZh() {
        return label().zh();
    }

    default String labelEn() {
        return label().en();
    }

    /** The value whose wire name is {@code text} (case and surrounding blanks ignored), or empty. */
    static <E extends Enum<E> & Labelled> Optional<E> parse(Class<E> type, String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(type.getEnumConstants()).filter(v -> v.wire().equals(wanted)).findFirst();
    }

    /** Wire names of all values, comma separated, for error messages. */
    static <E extends Enum<E> & Labelled> String choices(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Labelled::wire).collect(Collectors.joining(", "));
    }
}
