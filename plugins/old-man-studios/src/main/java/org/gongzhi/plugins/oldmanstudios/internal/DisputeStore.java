package org.gongzhi.plugins.oldmanstudios.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gongzhi.plugin.api.PluginRecord;
import org.gongzhi.plugin.api.PluginStorage;
import org.gongzhi.plugin.api.RecordCollection;

/**
 * The {@code disputes} collection: loading and saving disputes with their refs, and applying one
 * lifecycle step to a dispute's data. A dispute linked to a case has the id {@code case-<caseId>}.
 */
final class DisputeStore {

    private final PluginStorage storage;

    DisputeStore(PluginStorage storage) {
        this.storage = storage;
    }

    /** Id of the dispute of a case: one case has at most one dispute. */
    static String idOfCase(String caseId) {
        return "case-" + caseId;
    }

    RecordCollection records(String tenant) {
        return Records.collection(storage, tenant, Records.DISPUTES);
    }

    /** The dispute, or 404. */
    PluginRecord load(String tenant, String id) {
        return Records.find(records(tenant), id).orElseThrow(() -> Problems.notFound("矛盾纠纷", "dispute", id));
    }

    Optional<PluginRecord> ofCase(String tenant, String caseId) {
        return Records.find(records(tenant), idOfCase(caseId));
    }

    /** Stores a new dispute; 409 when one with this id exists. */
    PluginRecord create(String tenant, String id, Map<String, Object> data) {
        try {
            return records(tenant).put(id, data, refs(data), 0L);
        } catch (IllegalStateException e) {
            throw Problems.conflict("该案件已登记矛盾纠纷 " + id + "，请用 PUT 补全登记信息",
                    "a dispute is already registered for this case: " + id + "; complete it with PUT");
        }
    }

    /** Writes the new data of {@code current}; 409 when someone else wrote it meanwhile. */
    PluginRecord update(String tenant, PluginRecord current, Map<String, Object> data) {
        try {
            return records(tenant).put(current.id(), data, refs(data), current.version());
        } catch (IllegalStateException e) {
            throw Problems.conflict("纠纷已被他人修改，请刷新后重试", "the dispute was changed meanwhile; reload and retry");
        }
    }

    /** Searchable refs of a dispute: caseId, status, grid, village, type and studio or organisation. */
    static List<String> refs(Map<String, Object> data) {
        List<String> refs = new ArrayList<>();
        for (String key : List.of("caseId", "status", "grid", "village", "type")) {
            String value = Records.str(data, key);
            if (value != null) {
                refs.add(key + "=" + value);
            }
        }
        Map<String, Object> assignee = Records.map(data, "assignee");
        if (assignee != null) {
            refs.add(Records.str(assignee, "kind") + "=" + Records.str(assignee, "id"));
        }
        return refs;
    }

    static DisputeStatus status(Map<String, Object> data) {
        return Labelled.parse(DisputeStatus.class, Records.str(data, "status")).orElseThrow(() ->
                new IllegalStateException("dispute without a valid status: " + data.get("status")));
    }

    /**
     * A copy of the dispute's data after {@code action}: new status and a history entry.
     *
     * @throws javax.ws.rs.ClientErrorException 409 when the action is not allowed in the current status
     */
    static Map<String, Object> step(PluginRecord current, DisputeAction action, Instant at) {
        DisputeStatus from = status(current.data());
        DisputeStatus to = DisputeLifecycle.next(from, action);
        Map<String, Object> data = new LinkedHashMap<>(current.data());
        data.put("status", to.wire());
        data.put("statusZh", to.labelZh());
        append(data, "history", Records.of("action", action.wire(), "from", from.wire(), "to", to.wire(), "at", at.toString()));
        return data;
    }

    /** Appends {@code entry} to the list held under {@code key}. */
    static void append(Map<String, Object> data, String key, Map<String, Object> entry) {
        List<Object> list = new ArrayList<>(Records.maps(data, key));
        list.add(entry);
        data.put(key, list);
    }

    /**
     * The latest day something happened to the dispute: registration, sessions, agreement, failure,
     * escalations, follow-up. A new dated step cannot be earlier.
     */
    static LocalDate latestDate(Map<String, Object> data) {
        LocalDate latest = LocalDate.parse(Records.str(data, "registeredOn"));
        List<Map<String, Object>> dated = new ArrayList<>(Records.maps(data, "sessions"));
        dated.addAll(Records.maps(data, "escalations"));
        for (String key : List.of("agreement", "failure", "followUp")) {
            Optional.ofNullable(Records.map(data, key)).ifPresent(dated::add);
        }
        for (Map<String, Object> entry : dated) {
            LocalDate day = LocalDate.parse(Records.str(entry, "date"));
            latest = day.isAfter(latest) ? day : latest;
        }
        return latest;
    }

    /** Rung of the ladder the dispute stands on: its last escalation, else 1 with an organisation, 0 with a studio. */
    static int currentRung(Map<String, Object> data) {
        List<Map<String, Object>> escalations = Records.maps(data, "escalations");
        if (!escalations.isEmpty()) {
            String level = Records.str(escalations.get(escalations.size() - 1), "level");
            return Labelled.parse(EscalationLevel.class, level).map(EscalationLevel::rung).orElse(0);
        }
        Map<String, Object> assignee = Records.map(data, "assignee");
        return assignee != null && AssignmentRule.ORGANISATION.equals(Records.str(assignee, "kind"))
                ? EscalationLevel.ORGANISATION.rung() : EscalationLevel.STUDIO_RUNG;
    }
}
