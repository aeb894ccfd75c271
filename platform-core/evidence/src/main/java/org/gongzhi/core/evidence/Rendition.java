package org.gongzhi.core.evidence;

/** Which copy of stored evidence to open. */
public enum Rendition {
    /** The bytes as uploaded, with their metadata: for the platform's own use, never served. */
    ORIGINAL,
    /**
     * The copy that may be served: photos re-encoded without EXIF/GPS or other metadata (at most
     * {@link StoredEvidence#DISPLAY_MAX_EDGE} pixels on the long edge); videos and PDFs as uploaded
     * minus the location metadata the store knows how to remove.
     */
    DISPLAY,
    /** A small JPEG (at most {@link StoredEvidence#THUMBNAIL_MAX_EDGE} px), for photos only. */
    THUMBNAIL
}
