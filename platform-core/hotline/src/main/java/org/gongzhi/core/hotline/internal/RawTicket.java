package org.gongzhi.core.hotline.internal;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One ticket as read from a batch, before any check: the values by field (trimmed, blanks dropped)
 * and the attachment URLs.
 *
 * @param row 1-based data row (CSV) or element index (XML, JSON)
 */
record RawTicket(int row, Map<TicketField, String> values, List<String> attachments) {

    RawTicket {
        Map<TicketField, String> copy = new EnumMap<>(TicketField.class);
        values.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                copy.put(k, v.strip());
            }
        });
        values = Collections.unmodifiableMap(copy);
        attachments = attachments == null ? List.of()
                : attachments.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** URLs of one text value: separated by blanks, commas, semicolons, vertical bars or 、. */
    static List<String> split(String urls) {
        return urls == null ? List.of() : Arrays.stream(urls.split("[\\s,;|，；、]+")).filter(s -> !s.isEmpty()).toList();
    }

    /** The value, or {@code null} when absent or blank. */
    String get(TicketField field) {
        return values.get(field);
    }
}
