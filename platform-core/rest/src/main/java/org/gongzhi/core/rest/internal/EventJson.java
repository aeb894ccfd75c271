package org.gongzhi.core.rest.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;
import org.gongzhi.core.service.events.CaseEvent;

/** Wire form of a case event (the stream's {@code case} frames, the screen's recent list): wire names throughout. */
final class EventJson {

    /**
     * Oldest first, as the wall orders its feed: by time, then by the cursor, whose runs of digits compare as
     * numbers ({@code 928-75744} before {@code 928-100000}). A sweep's batch of steps shares one time; ordered by
     * the id as text, the city's "newest" was not the newest the wall showed.
     */
    static final Comparator<Case> OLDEST_FIRST = Comparator.comparing(Case::at)
            .thenComparing(Case::id, EventJson::compareCursors);

    private EventJson() {
    }

    /** Compares two cursors character by character, except that runs of digits compare by their value. */
    static int compareCursors(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            if (Character.isDigit(a.charAt(i)) && Character.isDigit(b.charAt(j))) {
                int endA = digitsEnd(a, i);
                int endB = digitsEnd(b, j);
                String x = a.substring(i, endA).replaceFirst("^0+(?=.)", "");
                String y = b.substring(j, endB).replaceFirst("^0+(?=.)", "");
                int byValue = x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
                if (byValue != 0) {
                    return byValue;
                }
                i = endA;
                j = endB;
            } else {
                if (a.charAt(i) != b.charAt(j)) {
                    return Character.compare(a.charAt(i), b.charAt(j));
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static int digitsEnd(String s, int from) {
        int end = from;
        while (end < s.length() && Character.isDigit(s.charAt(end))) {
            end++;
        }
        return end;
    }

    /** {@code data} of an {@code event: case} frame (and of the screen's recent list). */
    record Case(String id, String tenant, UUID caseId, String caseNumber, String action, String from, String to,
                String category, String family, String grid, String leadDepartment, String channel, Instant at) {
        static Case of(CaseEvent e) {
            return new Case(e.id(), e.tenant(), e.caseId(), e.caseNumber(), e.action(), CaseJson.wire(e.from()),
                    CaseJson.wire(e.to()), e.category(), CaseJson.wire(e.family()), e.grid(), e.leadDepartment(),
                    CaseJson.wire(e.channel()), e.at());
        }
    }
}
