package org.gongzhi.core.service;

/**
 * A batch over its limits (too many bytes or rows); nothing of it was taken. Message zh-CN first,
 * English in brackets.
 *
 * @since 1.3
 */
public class BatchTooLargeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BatchTooLargeException(String message) {
        super(message);
    }
}
