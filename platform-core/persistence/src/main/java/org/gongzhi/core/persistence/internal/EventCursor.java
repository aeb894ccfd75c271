package org.gongzhi.core.persistence.internal;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Position in the event stream: the writing transaction's id and the journal row's id, ordered by
 * transaction first. Written {@code <txid>-<id>}, both decimal.
 */
record EventCursor(long txid, long id) implements Comparable<EventCursor> {

    /** Before every event. */
    static final EventCursor START = new EventCursor(0, 0);
    private static final Pattern FORM = Pattern.compile("\\d{1,18}-\\d{1,18}");

    /** The cursor a client sent back ({@code Last-Event-ID}); empty when blank or not one of ours. */
    static Optional<EventCursor> parse(String text) {
        if (text == null || !FORM.matcher(text.strip()).matches()) {
            return Optional.empty();
        }
        String[] parts = text.strip().split("-");
        return Optional.of(new EventCursor(Long.parseLong(parts[0]), Long.parseLong(parts[1])));
    }

    @Override
    public int compareTo(EventCursor o) {
        int byTx = Long.compare(txid, o.txid);
        return byTx != 0 ? byTx : Long.compare(id, o.id);
    }

    @Override
    public String toString() {
        return txid + "-" + id;
    }
}
