package org.gongzhi.core.evidence;

/**
 * An upload the store refuses: its type is not on the allow-list ({@link #UNSUPPORTED_TYPE}, HTTP 415),
 * it is too large ({@link #TOO_LARGE}, HTTP 413) or empty or unreadable as what it claims to be
 * ({@link #UNREADABLE}, HTTP 400). The message is 中文 (English) and names no personal data.
 */
public final class EvidenceRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Type not allowed. */
    public static final String UNSUPPORTED_TYPE = "unsupported-type";
    /** Over the size limit of its kind. */
    public static final String TOO_LARGE = "too-large";
    /** Empty, truncated or not decodable. */
    public static final String UNREADABLE = "unreadable";

    private final String reason;
    private final String detectedType;

    public EvidenceRejectedException(String reason, String detectedType, String message) {
        super(message);
        this.reason = reason;
        this.detectedType = detectedType;
    }

    /** One of {@link #UNSUPPORTED_TYPE}, {@link #TOO_LARGE}, {@link #UNREADABLE}. */
    public String reason() {
        return reason;
    }

    /** The type sniffed from the bytes, or {@code null} when nothing was read. */
    public String detectedType() {
        return detectedType;
    }

    /** The HTTP status this refusal maps to: 415, 413 or 400. */
    public int httpStatus() {
        return switch (reason) {
            case UNSUPPORTED_TYPE -> 415;
            case TOO_LARGE -> 413;
            default -> 400;
        };
    }
}
