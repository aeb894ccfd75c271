package org.gongzhi.core.service;

/** The case changed since the caller read it (optimistic locking); re-read and retry. */
public class ConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }
}
