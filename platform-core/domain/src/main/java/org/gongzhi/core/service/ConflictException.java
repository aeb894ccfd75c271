package org.gongzhi.core.service;

/**
 * The request conflicts with the current state: by default, the case changed since the caller
 * read it (optimistic locking; re-read and retry, {@link #field()} {@code version}); otherwise the
 * field named says what conflicts (e.g. {@code id} of a district that exists).
 */
public class ConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String field;

    /** A concurrent change of the case ({@code version}). */
    public ConflictException(String message) {
        this("version", message);
    }

    /** A conflict about {@code field}. */
    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The field in conflict; {@code version} for a concurrent change. */
    public String field() {
        return field;
    }
}
