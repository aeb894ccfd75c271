package org.gongzhi.plugins.threecolour.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.gongzhi.plugin.api.PluginRecord;

/**
 * A whistle as answered: who was notified, who has and has not responded, and how long the first
 * response took ({@code secondsToFirstResponse}, absent while nobody responded).
 */
public record WhistleView(String id, String gridCode, String caseId, String summary, String urgency, String blownBy,
                          Instant blownAt, List<Map<String, Object>> responses, List<String> responded,
                          List<String> pending, Instant firstResponseAt, Long secondsToFirstResponse, boolean allDone) {

    static WhistleView of(PluginRecord r) {
        Map<String, Object> d = r.data();
        List<Map<String, Object>> slots = Records.maps(d, "responses");
        Instant blownAt = Instant.parse(Records.text(d, "blownAt"));
        Instant first = slots.stream().map(s -> s.get("firstRespondedAt")).filter(Objects::nonNull)
                .map(v -> Instant.parse(v.toString())).min(Instant::compareTo).orElse(null);
        return new WhistleView(r.id(), Records.text(d, "gridCode"), Records.text(d, "caseId"), Records.text(d, "summary"),
                Records.text(d, "urgency"), Records.text(d, "blownBy"), blownAt, slots,
                ids(slots, true), ids(slots, false), first,
                first == null ? null : Duration.between(blownAt, first).toSeconds(),
                slots.stream().allMatch(s -> ResponseStatus.DONE.wireName().equals(s.get("status"))));
    }

    /** The first moment any responder answered, or null. */
    static Instant firstResponse(Map<String, Object> slot) {
        Object v = slot.get("firstRespondedAt");
        return v == null ? null : Instant.parse(v.toString());
    }

    private static List<String> ids(List<Map<String, Object>> slots, boolean responded) {
        return slots.stream()
                .filter(s -> responded != ResponseStatus.PENDING.wireName().equals(s.get("status")))
                .map(s -> s.get("responderId").toString()).toList();
    }
}
