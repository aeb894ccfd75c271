package org.gongzhi.core.evidence;

import java.time.Instant;

/**
 * What {@link EvidenceStore#ingest} stored. {@code sha256} (lower-case hex of the uploaded bytes) is the
 * content address: the same bytes uploaded twice are stored once. {@code capturedAt}, {@code latitude} and
 * {@code longitude} are read from the original's metadata where present (WGS-84); they are personal data,
 * and the caller keeps them only where the reporter agreed.
 *
 * @param mediaType        the sniffed type of the original, e.g. {@code image/jpeg}
 * @param displayMediaType the type of the {@link Rendition#DISPLAY} copy
 * @param size             bytes of the original
 * @param width            pixels of the display copy, {@code null} when the store did not decode it (video, PDF, HEIC)
 * @param height           pixels of the display copy, {@code null} when the store did not decode it (video, PDF, HEIC)
 * @param thumbnail        whether a {@link Rendition#THUMBNAIL} exists
 * @param duplicate        whether these bytes had been stored before (nothing was written again)
 */
public record StoredEvidence(String sha256, EvidenceKind kind, String mediaType, String displayMediaType, long size,
                             Integer width, Integer height, boolean thumbnail, Instant capturedAt, Double latitude,
                             Double longitude, boolean duplicate) {

    /** Long edge of the served copy of a photo, in pixels. */
    public static final int DISPLAY_MAX_EDGE = 2048;
    /** Long edge of a thumbnail, in pixels. */
    public static final int THUMBNAIL_MAX_EDGE = 320;
}
