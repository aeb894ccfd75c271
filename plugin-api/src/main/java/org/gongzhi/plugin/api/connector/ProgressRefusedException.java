package org.gongzhi.plugin.api.connector;

/**
 * The platform refused a {@link ProgressUpdate} (unknown dispatch or case, a dispatch of another
 * department or no longer current, a status the case cannot take now, a sequence out of order,
 * bad input); nothing changed.
 *
 * @since 1.0
 */
public class ProgressRefusedException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String field;

    public ProgressRefusedException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The update's field at fault ({@code status}, {@code sequence}, {@code dispatchId} …), or {@code null}. */
    public String field() {
        return field;
    }
}
