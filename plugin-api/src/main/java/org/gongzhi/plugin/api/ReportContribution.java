package org.gongzhi.plugin.api;

import java.time.LocalDate;
import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Sections a district model adds to the periodic reports (月报 / 季报 / 半年通报) of the tenants that
 * enabled it, e.g. three-colour tiers per grid or mediation results per studio.
 *
 * <p>Implemented by plugins, registered with {@value DistrictModel#MODEL_PROPERTY}; called by the
 * core's report producer on its own thread while it builds a report. May read the plugin's
 * {@link PluginStorage}; should answer within a few seconds. An exception is logged and the
 * report is produced without the plugin's sections.
 *
 * @since 1.0
 */
@ConsumerType
public interface ReportContribution {

    /** Report kinds passed to {@link #sections}. */
    String MONTHLY = "MONTHLY";
    String QUARTERLY = "QUARTERLY";
    String HALF_YEAR = "HALF_YEAR";

    /**
     * @param tenantId the district
     * @param kind     {@link #MONTHLY}, {@link #QUARTERLY} or {@link #HALF_YEAR}
     * @param from     first day of the period (tenant's calendar)
     * @param to       first day after the period
     * @return sections in reading order; empty when the plugin has nothing for this period
     */
    List<ReportSection> sections(String tenantId, String kind, LocalDate from, LocalDate to);
}
