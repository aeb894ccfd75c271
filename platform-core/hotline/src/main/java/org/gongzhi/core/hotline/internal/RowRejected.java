package org.gongzhi.core.hotline.internal;

/** A ticket refused by its own checks: the field (English name) and why, Chinese first. */
final class RowRejected extends Exception {
    private static final long serialVersionUID = 1L;
    private final String field;

    RowRejected(TicketField field, String message) {
        this(field.wireName(), message);
    }

    RowRejected(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    String field() {
        return field;
    }
}
