package org.gongzhi.plugins.threelinked.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gongzhi.plugin.api.PluginRecord;

/**
 * A resident's need (居民需求) in collection {@code needs}. {@code residentName} and
 * {@code residentPhone} are personal data: lists mask them and figures never contain them.
 *
 * @param quarter       quarter of collection (ref {@code quarter=}), never changes
 * @param agendaQuarter first quarter whose meeting may put the need on its agenda (moves on when deferred)
 * @param history       every status the need reached, oldest first
 */
public record Need(String id, long version, String community, String residentName, String residentPhone,
                   String category, String description, String channel, String urgency, String status,
                   Instant collectedAt, String quarter, String agendaQuarter, String caseId, String meetingId,
                   String orderId, String declineReason, List<Step> history) {

    /** One status the need reached, when, and why (a reason or the meeting/order that moved it). */
    public record Step(String status, Instant at, String note) {
    }

    public Need {
        history = List.copyOf(history == null ? List.of() : history);
    }

    /** A new need in status collected. */
    static Need collected(String id, String community, String residentName, String residentPhone, String category,
                          String description, NeedChannel channel, Urgency urgency, Instant collectedAt,
                          String caseId) {
        String q = Quarter.of(collectedAt).toString();
        return new Need(id, 0, community, residentName, residentPhone, category, description, channel.wire(),
                urgency.wire(), NeedStatus.COLLECTED.wire(), collectedAt, q, q, caseId, null, null, null,
                List.of(new Step(NeedStatus.COLLECTED.wire(), collectedAt, null)));
    }

    NeedStatus state() {
        return NeedStatus.fromWire(status);
    }

    Urgency urgencyLevel() {
        return Urgency.fromWire(urgency);
    }

    /** When the need first reached {@code s}, or null. */
    Instant reached(NeedStatus s) {
        return history.stream().filter(h -> h.status().equals(s.wire())).map(Step::at).findFirst().orElse(null);
    }

    /** This need moved to {@code to} (checked against {@link NeedStatus#next()}), with a step appended. */
    Need moveTo(NeedStatus to, Instant at, String note) {
        state().checkMoveTo(to);
        List<Step> steps = new ArrayList<>(history);
        steps.add(new Step(to.wire(), at, note));
        return new Need(id, version, community, residentName, residentPhone, category, description, channel, urgency,
                to.wire(), collectedAt, quarter, agendaQuarter, caseId, meetingId, orderId, declineReason, steps);
    }

    Need with(String newAgendaQuarter, String newMeetingId, String newOrderId, String newDeclineReason) {
        return new Need(id, version, community, residentName, residentPhone, category, description, channel, urgency,
                status, collectedAt, quarter, newAgendaQuarter, caseId, newMeetingId, newOrderId, newDeclineReason,
                history);
    }

    Need inCommunity(String newCommunity) {
        return new Need(id, version, newCommunity, residentName, residentPhone, category, description, channel,
                urgency, status, collectedAt, quarter, agendaQuarter, caseId, meetingId, orderId, declineReason,
                history);
    }

    /** The same need with the resident's name and phone masked (张*, 138****5678), for lists. */
    Need masked() {
        String name = residentName == null ? null : residentName.charAt(0) + "*".repeat(residentName.length() - 1);
        String phone = residentPhone == null || residentPhone.length() < 8 ? residentPhone
                : residentPhone.substring(0, 3) + "****" + residentPhone.substring(residentPhone.length() - 4);
        return new Need(id, version, community, name, phone, category, description, channel, urgency, status,
                collectedAt, quarter, agendaQuarter, caseId, meetingId, orderId, declineReason, history);
    }

    Map<String, Object> toData() {
        List<Map<String, Object>> steps = history.stream()
                .map(s -> Data.builder().put("status", s.status()).put("at", s.at()).put("note", s.note()).build())
                .toList();
        return Data.builder().put("community", community).put("residentName", residentName)
                .put("residentPhone", residentPhone).put("category", category).put("description", description)
                .put("channel", channel).put("urgency", urgency).put("status", status).put("collectedAt", collectedAt)
                .put("quarter", quarter).put("agendaQuarter", agendaQuarter).put("caseId", caseId)
                .put("meetingId", meetingId).put("orderId", orderId).put("declineReason", declineReason)
                .put("history", steps).build();
    }

    /** Searchable refs: community, status, quarter of collection and, for needs from a case, caseId. */
    List<String> toRefs() {
        List<String> refs = new ArrayList<>(
                List.of("community=" + community, "status=" + status, "quarter=" + quarter));
        if (caseId != null) {
            refs.add("caseId=" + caseId);
        }
        return refs;
    }

    static Need from(PluginRecord r) {
        Map<String, Object> d = r.data();
        List<Step> steps = Data.maps(d, "history").stream()
                .map(m -> new Step(Data.str(m, "status"), Data.instant(m, "at"), Data.str(m, "note"))).toList();
        return new Need(r.id(), r.version(), Data.str(d, "community"), Data.str(d, "residentName"),
                Data.str(d, "residentPhone"), Data.str(d, "category"), Data.str(d, "description"),
                Data.str(d, "channel"), Data.str(d, "urgency"), Data.str(d, "status"), Data.instant(d, "collectedAt"),
                Data.str(d, "quarter"), Data.str(d, "agendaQuarter"), Data.str(d, "caseId"), Data.str(d, "meetingId"),
                Data.str(d, "orderId"), Data.str(d, "declineReason"), steps);
    }
}
