package org.gongzhi.core.service;

/** Input that breaks a rule; names the offending field. Message zh-CN first, English in brackets. */
public class ValidationException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String field;

    public ValidationException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** JSON field name (dotted for nested fields), never null. */
    public String field() {
        return field;
    }
}
