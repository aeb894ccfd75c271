package org.gongzhi.core.casework.workflow;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What was reported (上报): the facts of a case fixed at intake, which no step of the loop changes.
 *
 * @param id               the case's id
 * @param number           the case number ({@code <admin code>-<yyyyMMdd>-<nnnnnn>}), or {@code null} before
 *                         storage has numbered it
 * @param title            short title, at most 200 characters
 * @param description      what the reporter wrote, or {@code null}
 * @param categoryCode     the leaf category of the district
 * @param family           the category's family ({@code CategoryFamily} constant name)
 * @param channel          the channel's wire name
 * @param gridCode         the grid the case lies in, or {@code null}
 * @param gridPath         the grid codes from the district down to {@code gridCode}, joined by {@code /}
 * @param reporterSubject  the identity subject of the reporter (a resident's or a signed-in user's), or {@code null}
 * @param publicCase       whether the public may see the case (Open311)
 * @param attachments      http(s) links or {@code evidence:<id>} references
 * @param idempotencyScope whose key space {@code idempotencyKey} is in, or {@code null} without a key
 * @param commandPost      routed straight to the command post at intake (wartime, 直报指挥部)
 * @since 1.0.0
 */
public record CaseReport(UUID id, String number, String title, String description, String categoryCode,
                         String family, String channel, String gridCode, String gridPath, Double longitude,
                         Double latitude, String address, String reporterName, String reporterPhone,
                         String reporterEmail, String reporterSubject, String addressId, boolean publicCase,
                         List<String> attachments, Instant reportedAt, String idempotencyKey,
                         String idempotencyScope, boolean commandPost) {

    /** Copies the list. */
    public CaseReport {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
