package org.gongzhi.simulator;

/** A dispatch that cannot be accepted as it is; {@link #field()} names the offending field ({@code body} for the whole). */
final class InvalidDispatchException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String field;

    InvalidDispatchException(String field, String message) {
        super(field + ": " + message, null, false, false);
        this.field = field;
    }

    String field() {
        return field;
    }
}
