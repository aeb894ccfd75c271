package org.gongzhi.core.service.cases;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.gongzhi.core.calendar.SlaState;
import org.gongzhi.core.casework.CaseAction;
import org.gongzhi.core.casework.CaseStatus;
import org.gongzhi.core.casework.Channel;
import org.gongzhi.core.casework.SlaTier;

/**
 * A case (事件) as callers see it; {@code version} is the optimistic-locking version;
 * {@code triageModel} and {@code triageAttributes} say which plugin triaged it and what it shows
 * (e.g. {@code colour=red}), both empty when the core's defaults applied; {@code reporterSubject} is the
 * identity subject of the resident who reported it, {@code null} for other channels. {@code publicCase}:
 * whether the public may see the case (decided at intake, see
 * {@link org.gongzhi.core.casework.Channel#publicAtIntake}); the reporter's name, phone and e-mail are
 * never public. {@code wartime}: its clock started under the district's emergency plan (registered in
 * wartime, 战时); {@code commandPost}: it was routed straight to the command post at intake (直报指挥部);
 * {@code proposal}: the dispatch its registration proposed from the responsibility list and the plugins'
 * triage (派单建议, ADR 0033), {@code null} when none; {@code assignee}: the username of the person who holds
 * the case (承办人, ADR 0035), {@code null} while nobody is named.
 */
public record CaseView(UUID id, String number, String tenantId, String title, String description,
                       String categoryCode, String family, Channel channel, CaseStatus status,
                       SlaTier tier, String gridCode, Double longitude, Double latitude,
                       String address, String reporterName, String reporterPhone,
                       List<String> attachments, String leadDepartment,
                       List<String> coDepartments, Instant reportedAt, Instant registeredAt,
                       Instant dueAt, Instant warningAt, Instant closedAt, SlaState sla,
                       int reworkCount, int postponeCount, Integer satisfaction, long version,
                       Set<CaseAction> allowedActions, String triageModel, Map<String, String> triageAttributes,
                       String reporterSubject, String reporterEmail, String addressId, boolean publicCase,
                       boolean wartime, boolean commandPost, DispatchProposal proposal, String assignee) {

    /** A case nobody is assigned to (the constructor before issue 17 part 3). */
    public CaseView(UUID id, String number, String tenantId, String title, String description,
                    String categoryCode, String family, Channel channel, CaseStatus status,
                    SlaTier tier, String gridCode, Double longitude, Double latitude,
                    String address, String reporterName, String reporterPhone,
                    List<String> attachments, String leadDepartment,
                    List<String> coDepartments, Instant reportedAt, Instant registeredAt,
                    Instant dueAt, Instant warningAt, Instant closedAt, SlaState sla,
                    int reworkCount, int postponeCount, Integer satisfaction, long version,
                    Set<CaseAction> allowedActions, String triageModel, Map<String, String> triageAttributes,
                    String reporterSubject, String reporterEmail, String addressId, boolean publicCase,
                    boolean wartime, boolean commandPost, DispatchProposal proposal) {
        this(id, number, tenantId, title, description, categoryCode, family, channel, status, tier, gridCode,
                longitude, latitude, address, reporterName, reporterPhone, attachments, leadDepartment,
                coDepartments, reportedAt, registeredAt, dueAt, warningAt, closedAt, sla, reworkCount, postponeCount,
                satisfaction, version, allowedActions, triageModel, triageAttributes, reporterSubject, reporterEmail,
                addressId, publicCase, wartime, commandPost, proposal, null);
    }

    /** A case without a dispatch proposal (the constructor before issue 17). */
    public CaseView(UUID id, String number, String tenantId, String title, String description,
                    String categoryCode, String family, Channel channel, CaseStatus status,
                    SlaTier tier, String gridCode, Double longitude, Double latitude,
                    String address, String reporterName, String reporterPhone,
                    List<String> attachments, String leadDepartment,
                    List<String> coDepartments, Instant reportedAt, Instant registeredAt,
                    Instant dueAt, Instant warningAt, Instant closedAt, SlaState sla,
                    int reworkCount, int postponeCount, Integer satisfaction, long version,
                    Set<CaseAction> allowedActions, String triageModel, Map<String, String> triageAttributes,
                    String reporterSubject, String reporterEmail, String addressId, boolean publicCase,
                    boolean wartime, boolean commandPost) {
        this(id, number, tenantId, title, description, categoryCode, family, channel, status, tier, gridCode,
                longitude, latitude, address, reporterName, reporterPhone, attachments, leadDepartment,
                coDepartments, reportedAt, registeredAt, dueAt, warningAt, closedAt, sla, reworkCount, postponeCount,
                satisfaction, version, allowedActions, triageModel, triageAttributes, reporterSubject, reporterEmail,
                addressId, publicCase, wartime, commandPost, null);
    }

    /** A case registered under the normal rules (the constructor before issue 15). */
    public CaseView(UUID id, String number, String tenantId, String title, String description,
                    String categoryCode, String family, Channel channel, CaseStatus status,
                    SlaTier tier, String gridCode, Double longitude, Double latitude,
                    String address, String reporterName, String reporterPhone,
                    List<String> attachments, String leadDepartment,
                    List<String> coDepartments, Instant reportedAt, Instant registeredAt,
                    Instant dueAt, Instant warningAt, Instant closedAt, SlaState sla,
                    int reworkCount, int postponeCount, Integer satisfaction, long version,
                    Set<CaseAction> allowedActions, String triageModel, Map<String, String> triageAttributes,
                    String reporterSubject, String reporterEmail, String addressId, boolean publicCase) {
        this(id, number, tenantId, title, description, categoryCode, family, channel, status, tier, gridCode,
                longitude, latitude, address, reporterName, reporterPhone, attachments, leadDepartment,
                coDepartments, reportedAt, registeredAt, dueAt, warningAt, closedAt, sla, reworkCount, postponeCount,
                satisfaction, version, allowedActions, triageModel, triageAttributes, reporterSubject, reporterEmail,
                addressId, publicCase, false, false);
    }

    /** A case without e-mail address and address id, not public. */
    public CaseView(UUID id, String number, String tenantId, String title, String description,
                    String categoryCode, String family, Channel channel, CaseStatus status,
                    SlaTier tier, String gridCode, Double longitude, Double latitude,
                    String address, String reporterName, String reporterPhone,
                    List<String> attachments, String leadDepartment,
                    List<String> coDepartments, Instant reportedAt, Instant registeredAt,
                    Instant dueAt, Instant warningAt, Instant closedAt, SlaState sla,
                    int reworkCount, int postponeCount, Integer satisfaction, long version,
                    Set<CaseAction> allowedActions, String triageModel, Map<String, String> triageAttributes,
                    String reporterSubject) {
        this(id, number, tenantId, title, description, categoryCode, family, channel, status, tier, gridCode,
                longitude, latitude, address, reporterName, reporterPhone, attachments, leadDepartment,
                coDepartments, reportedAt, registeredAt, dueAt, warningAt, closedAt, sla, reworkCount, postponeCount,
                satisfaction, version, allowedActions, triageModel, triageAttributes, reporterSubject, null, null,
                false, false, false);
    }
}
