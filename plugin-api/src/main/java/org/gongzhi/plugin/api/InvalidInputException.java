package org.gongzhi.plugin.api;

import java.util.Objects;

/**
 * Thrown by a plugin's REST resource for input that breaks its rules; the core answers 400 with a
 * problem-details body naming {@link #field()}. The message is zh-CN first, English in brackets.
 *
 * @since 1.0
 */
public class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = Objects.requireNonNull(field, "field");
    }

    /** The JSON field or query parameter at fault, e.g. {@code studioId}. */
    public String field() {
        return field;
    }
}
