package org.gongzhi.plugins.oldmanstudios.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.gongzhi.plugin.api.CaseEvent;
import org.gongzhi.plugin.api.CaseFacts;
import org.gongzhi.plugin.api.DistrictFacts;
import org.gongzhi.plugin.api.PluginRecord;
import org.gongzhi.plugin.api.PluginStorage;
import org.gongzhi.plugin.api.PluginTenants;

/**
 * Registration (登记), drafts from cases, corrections and assignment (分派) of disputes. Places (grid,
 * village, street) come from the district's grid tree ({@link Places}).
 */
final class DisputeDesk {

    private final DisputeStore disputes;
    private final AssignmentRule rule;
    private final PluginTenants tenants;
    private final Clock clock;

    DisputeDesk(PluginStorage storage, PluginTenants tenants, Clock clock) {
        this.disputes = new DisputeStore(storage);
        this.rule = new AssignmentRule(Registry.studios(storage), Registry.organisations(storage));
        this.tenants = tenants;
        this.clock = clock;
    }

    /** Registers a dispute directly or for a case ({@code caseId}); 409 when the case already has one. */
    PluginRecord register(String tenant, DisputeBodies.NewDispute body) {
        if (body == null) {
            throw Problems.required("body");
        }
        String caseId = Inputs.caseId("caseId", body.caseId());
        LocalDate today = today();
        LocalDate registeredOn = body.registeredOn() == null ? today
                : Inputs.dateBetween("registeredOn", body.registeredOn(), null, today);
        Map<String, Object> data = new LinkedHashMap<>();
        if (caseId != null) {
            data.put("caseId", caseId);
        }
        data.put("source", caseId == null ? "direct" : "case");
        data.put("draft", false);
        data.putAll(DisputeBodies.details(Places.district(tenants, tenant), body.parties(), body.type(), body.grid(),
                body.valueYuan(), body.description()));
        opened(data, registeredOn);
        String id = caseId == null ? UUID.randomUUID().toString() : DisputeStore.idOfCase(caseId);
        return disputes.create(tenant, id, data);
    }

    /**
     * Drafts the dispute of a registered case (矛盾纠纷草稿): type from the category, place and
     * description from the case (the place only when the case's grid is in the district's tree), no
     * parties yet. Idempotent: empty when the case already has a dispute.
     */
    Optional<PluginRecord> draftOf(CaseEvent event) {
        CaseFacts facts = event.facts();
        String tenant = facts.tenantId();
        if (disputes.ofCase(tenant, event.caseId()).isPresent()) {
            return Optional.empty();
        }
        DisputeType type = DisputeType.ofCategory(facts.categoryCode());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("caseId", event.caseId());
        data.putAll(Records.of("caseNumber", facts.caseNumber(), "category", facts.categoryCode()));
        data.put("source", "case");
        data.put("draft", true);
        data.put("parties", List.of());
        data.put("type", type.wire());
        data.put("typeZh", type.labelZh());
        DistrictFacts district = Places.district(tenants, tenant);
        if (Places.known(district, facts.gridCode())) {
            data.putAll(DisputeBodies.place(district, facts.gridCode()));
        }
        data.put("description", facts.title() == null ? "" : facts.title());
        Instant at = event.at() == null ? facts.reportedAt() : event.at();
        opened(data, LocalDate.ofInstant(at, OldManStudiosModel.ZONE));
        try {
            return Optional.of(disputes.records(tenant).put(DisputeStore.idOfCase(event.caseId()), data,
                    DisputeStore.refs(data), 0L));
        } catch (IllegalStateException raced) {
            return Optional.empty();
        }
    }

    /** Completes or corrects the registration details; the dispute stops being a draft. */
    PluginRecord edit(String tenant, String id, DisputeBodies.Details body) {
        PluginRecord current = disputes.load(tenant, id);
        Map<String, Object> data = DisputeStore.step(current, DisputeAction.EDIT, clock.instant());
        if (body == null) {
            throw Problems.required("body");
        }
        data.remove("village");
        data.remove("street");
        data.remove("valueYuan");
        data.putAll(DisputeBodies.details(Places.district(tenants, tenant), body.parties(), body.type(), body.grid(),
                body.valueYuan(), body.description()));
        data.put("draft", false);
        return disputes.update(tenant, current, data);
    }

    /** Assigns by the rule (empty body) or to the named studio or organisation (改派). */
    PluginRecord assign(String tenant, String id, DisputeBodies.Assignment body) {
        PluginRecord current = disputes.load(tenant, id);
        Map<String, Object> data = DisputeStore.step(current, DisputeAction.ASSIGN, clock.instant());
        boolean named = body != null && (notBlank(body.studioId()) || notBlank(body.organisationId()));
        Map<String, Object> assignee = named ? rule.named(tenant, body.studioId(), body.organisationId())
                : rule.choose(tenant, Places.district(tenants, tenant), Records.str(data, "grid"), Labelled.parse(DisputeType.class,
                        Records.str(data, "type")).orElse(DisputeType.OTHER));
        String reason = body == null ? null : Inputs.optionalText("reason", body.reason(), 500);
        data.put("assignee", assignee);
        Map<String, Object> entry = new LinkedHashMap<>(assignee);
        entry.putAll(Records.of("date", today().toString(), "reason", reason));
        DisputeStore.append(data, "assignments", entry);
        return disputes.update(tenant, current, data);
    }

    PluginRecord get(String tenant, String id) {
        return disputes.load(tenant, id);
    }

    /** One page of the disputes carrying {@code ref} (all when null), oldest first. */
    List<PluginRecord> list(String tenant, String ref, int offset, int limit) {
        return disputes.records(tenant).find(ref, offset, limit);
    }

    long count(String tenant, String ref) {
        return disputes.records(tenant).count(ref);
    }

    private void opened(Map<String, Object> data, LocalDate registeredOn) {
        data.put("registeredOn", registeredOn.toString());
        data.put("status", DisputeStatus.REGISTERED.wire());
        data.put("statusZh", DisputeStatus.REGISTERED.labelZh());
        DisputeStore.append(data, "history", Records.of("action", "register",
                "to", DisputeStatus.REGISTERED.wire(), "at", clock.instant().toString()));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), OldManStudiosModel.ZONE);
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
