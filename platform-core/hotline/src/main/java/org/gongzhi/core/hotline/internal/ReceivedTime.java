package org.gongzhi.core.hotline.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Optional;

/**
 * The received time (受理时间) of a ticket: ISO-8601 with an offset, or a local date and time of the
 * district in the forms hotline systems export ({@code 2026-03-10 09:15[:00]},
 * {@code 2026/3/10 9:15}, {@code 2026年3月10日 09:15}, {@code 20260310091500}, a {@code T} instead
 * of the blank).
 */
final class ReceivedTime {

    private static final List<DateTimeFormatter> LOCAL = List.of(
            "uuuu-M-d H:mm[:ss][.SSS]", "uuuu-M-d'T'H:mm[:ss][.SSS]", "uuuu/M/d H:mm[:ss]", "uuuu.M.d H:mm[:ss]",
            "uuuu年M月d日 H:mm[:ss]", "uuuu年M月d日H:mm[:ss]", "uuuu年M月d日H时m分[s秒]", "uuuuMMddHHmmss")
            .stream().map(p -> DateTimeFormatter.ofPattern(p).withResolverStyle(ResolverStyle.STRICT)).toList();

    private ReceivedTime() {
    }

    /** The instant, or empty when the text is no time in these forms. */
    static Optional<Instant> parse(String text, ZoneId zone) {
        String s = text.strip();
        try {
            return Optional.of(OffsetDateTime.parse(s).toInstant());
        } catch (DateTimeParseException e) {
            // not ISO with an offset: try the local forms
        }
        for (DateTimeFormatter f : LOCAL) {
            try {
                return Optional.of(LocalDateTime.parse(s, f).atZone(zone).toInstant());
            } catch (DateTimeParseException e) {
                // next form
            }
        }
        return Optional.empty();
    }
}
