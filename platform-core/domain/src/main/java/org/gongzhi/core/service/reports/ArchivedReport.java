package org.gongzhi.core.service.reports;

import java.time.Instant;
import java.util.UUID;

/**
 * A generated report in the archive (报表归档), without its content.
 *
 * @param tenantId district id, or {@code city} for city-wide bulletins
 * @param kind     {@code MONTHLY}, {@code QUARTERLY} or {@code HALF_YEAR}
 * @param period   e.g. {@code 2026-11}, {@code 2026-Q4}, {@code 2026-H2}
 * @param format   {@code PDF}, {@code XLSX} or {@code CSV}
 */
public record ArchivedReport(UUID id, String tenantId, String kind, String period, String format, String title,
                             Instant generatedAt, String generatedBy, int sizeBytes) {
}
