package org.gongzhi.core.service.reports;

import org.osgi.annotation.versioning.ProviderType;

import org.gongzhi.core.service.NotFoundException;
import org.gongzhi.core.service.ValidationException;

/**
 * Produces the periodic reports (一月一调度、一季一督查、半年一通报): gathers the figures, renders the
 * file and stores it in the {@link ReportArchive}. Implemented by the report bundle; called by
 * REST, the shell and its own schedule. Blocks while it renders (seconds).
 */
@ProviderType
public interface ReportService {

    /**
     * @param tenantId a district for {@code monthly} and {@code quarterly}; {@link ReportArchive#CITY}
     *                 for the city-wide {@code half-year} bulletin
     * @param kind     {@code monthly}, {@code quarterly} or {@code half-year}
     * @param period   {@code 2026-11}, {@code 2026-Q4} or {@code 2026-H2}
     * @param format   {@code pdf}, {@code xlsx} or {@code csv}
     * @return the archived report
     * @throws ValidationException naming {@code kind}, {@code period} or {@code format}
     * @throws NotFoundException   for an unknown district
     */
    ArchivedReport produce(String tenantId, String kind, String period, String format, String actor);
}
