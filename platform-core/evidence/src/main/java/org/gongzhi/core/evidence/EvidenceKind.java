package org.gongzhi.core.evidence;

/** What an upload is, decided from its bytes. Wire names: {@code photo}, {@code video}, {@code document}. */
public enum EvidenceKind {
    /** JPEG, PNG, WebP, HEIC/HEIF. */
    PHOTO,
    /** MP4, QuickTime (short clips). */
    VIDEO,
    /** PDF. */
    DOCUMENT;

    /** Lower-case wire name. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
