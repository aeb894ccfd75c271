package org.gongzhi.core.service.evidence;

import java.time.Instant;

/**
 * One upload to record (证据材料), as the evidence store kept it. {@code capturedAt}, {@code latitude} and
 * {@code longitude} are personal data: the caller passes them only where the uploader agreed to keep them.
 *
 * @param sha256           lower-case hex SHA-256 of the uploaded bytes (the content address)
 * @param kind             {@code photo}, {@code video} or {@code document}
 * @param mediaType        the type sniffed from the bytes
 * @param displayMediaType the type of the copy that is served
 * @param fileName         the name the client gave, trimmed (at most 200 characters), or {@code null}
 * @since 1.6
 */
public record NewEvidence(String sha256, String kind, String mediaType, String displayMediaType, long size,
                          Integer width, Integer height, boolean thumbnail, String fileName, Instant capturedAt,
                          Double latitude, Double longitude) {
}
