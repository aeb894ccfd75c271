package org.gongzhi.core.grid;

/** A longitude or latitude that is not finite or out of range; {@link #field()} names which. */
public class InvalidCoordinateException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final double value;

    /** @param field {@code "longitude"} or {@code "latitude"} */
    public InvalidCoordinateException(String field, double value, String message) {
        super(message);
        this.field = field;
        this.value = value;
    }

    /** {@code "longitude"} or {@code "latitude"}. */
    public String field() {
        return field;
    }

    /** The rejected value. */
    public double value() {
        return value;
    }
}
