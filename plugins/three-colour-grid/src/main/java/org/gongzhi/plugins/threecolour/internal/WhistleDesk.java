package org.gongzhi.plugins.threecolour.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.gongzhi.plugin.api.InvalidInputException;
import org.gongzhi.plugin.api.PluginRecord;
import org.gongzhi.plugin.api.RecordCollection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 网格吹哨、各方响应: a grid blows the whistle on a case or an issue; every person on the grid's
 * roster (the eight roles) and every department named is notified and gets one response slot.
 * Records of collection {@code whistles}, a new UUID id each, refs {@code grid=}, {@code month=}
 * and, for a case, {@code caseId=}. Responses are written with optimistic retries.
 */
final class WhistleDesk {

    private static final Logger LOG = LoggerFactory.getLogger(WhistleDesk.class);

    /** A whistle as blown; inputs validated by the caller. */
    record Whistle(String gridCode, String caseId, String summary, String urgency, String blownBy,
                   List<String> departments) {
    }

    /** A response refused because the responder already stood there or further, or kept being overwritten. */
    static final class Conflict extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        Conflict(String message) {
            super(message);
        }
    }

    private final RecordCollection whistles;
    private final RosterBook roster;
    private final TallyBook tallies;
    private final Clock clock;

    WhistleDesk(RecordCollection whistles, RosterBook roster, TallyBook tallies, Clock clock) {
        this.whistles = whistles;
        this.roster = roster;
        this.tallies = tallies;
        this.clock = clock;
    }

    /**
     * Blows the whistle and counts it in the grid's monthly tally.
     *
     * @throws InvalidInputException ({@code departments}) when nobody would be notified
     */
    PluginRecord blow(Whistle w) {
        List<Map<String, Object>> slots = responders(roster.members(w.gridCode()), w.departments());
        if (slots.isEmpty()) {
            throw new InvalidInputException("departments",
                    "该网格花名册为空，须指定响应部门 (the grid has no roster: name at least one department)");
        }
        Instant now = clock.instant();
        String month = AssessmentTallyListener.month(now).toString();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("gridCode", w.gridCode());
        data.put("caseId", w.caseId());
        data.put("summary", w.summary());
        data.put("urgency", w.urgency());
        data.put("blownBy", w.blownBy());
        data.put("blownAt", now.toString());
        data.put("month", month);
        data.put("responses", slots);
        List<String> refs = new ArrayList<>(List.of("grid=" + w.gridCode(), "month=" + month));
        if (w.caseId() != null) {
            refs.add("caseId=" + w.caseId());
        }
        PluginRecord r = whistles.put(UUID.randomUUID().toString(), data, refs, 0L);
        try {
            tallies.add(w.gridCode(), AssessmentTallyListener.month(now), Map.of(TallyBook.WHISTLES, 1L));
        } catch (RuntimeException e) {
            LOG.warn("Whistle {} of grid {} not tallied: {}", r.id(), w.gridCode(), e.toString());
        }
        return r;
    }

    /** One slot per rostered person (role order), then one per department named. */
    static List<Map<String, Object>> responders(List<RosterBook.Member> members, List<String> departments) {
        List<Map<String, Object>> slots = new ArrayList<>();
        for (RosterBook.Member m : members) {
            slots.add(slot(m.memberId(), "member", m.name(), m.role().name(), m.departmentCode()));
        }
        for (String code : departments) {
            slots.add(slot("dept:" + code, "department", code, null, code));
        }
        return slots;
    }

    private static Map<String, Object> slot(String id, String kind, String name, String role, String department) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("responderId", id);
        s.put("kind", kind);
        s.put("name", name);
        s.put("role", role);
        s.put("departmentCode", department);
        s.put("status", ResponseStatus.PENDING.wireName());
        return s;
    }

    Optional<PluginRecord> get(String id) {
        return whistles.get(id);
    }

    /**
     * Records a responder's answer.
     *
     * @return the whistle as stored, empty when there is no such whistle
     * @throws InvalidInputException ({@code responderId}) for someone who was not notified
     * @throws Conflict              when the status does not move forward
     */
    Optional<PluginRecord> respond(String whistleId, String responderId, ResponseStatus status, String note) {
        for (int attempt = 0; attempt < TallyBook.ATTEMPTS; attempt++) {
            Optional<PluginRecord> current = whistles.get(whistleId);
            if (current.isEmpty()) {
                return current;
            }
            PluginRecord r = current.get();
            Map<String, Object> data = new LinkedHashMap<>(r.data());
            List<Map<String, Object>> slots = new ArrayList<>();
            boolean found = false;
            for (Map<String, Object> s : Records.maps(r.data(), "responses")) {
                Map<String, Object> slot = new LinkedHashMap<>(s);
                if (responderId.equals(slot.get("responderId"))) {
                    found = true;
                    answer(slot, status, note);
                }
                slots.add(slot);
            }
            if (!found) {
                throw new InvalidInputException("responderId", "此次吹哨未通知该响应方 (not a responder of this whistle): " + responderId);
            }
            data.put("responses", slots);
            try {
                return Optional.of(whistles.put(whistleId, data, r.refs(), r.version()));
            } catch (IllegalStateException concurrent) {
                LOG.debug("Whistle {} changed meanwhile, retrying", whistleId);
            }
        }
        throw new Conflict("吹哨记录正被频繁修改，请重试 (the whistle kept changing; try again)");
    }

    private void answer(Map<String, Object> slot, ResponseStatus status, String note) {
        ResponseStatus was = ResponseStatus.ofWire(slot.get("status").toString());
        if (status.compareTo(was) <= 0) {
            throw new Conflict("响应状态只能前进 (status can only move forward): " + was.wireName() + " → " + status.wireName());
        }
        String now = clock.instant().toString();
        slot.put("status", status.wireName());
        slot.putIfAbsent("firstRespondedAt", now);
        slot.put("updatedAt", now);
        if (note != null) {
            slot.put("note", note);
        }
    }
}
