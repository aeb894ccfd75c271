package org.gongzhi.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The updates one accepted dispatch will get, each with the delay after acceptance at which it happens:
 * {@code accepted} after {@code --accept-after}, optionally {@code in-progress} after {@code --progress-after},
 * {@code resolved} after {@code --resolve-after}; or, for a dispatch picked by {@code --return-rate}, only
 * {@code returned} after {@code --accept-after} (the department sees at once that it is not its case).
 */
final class UpdatePlan {

    static final String PHOTO_BASE = "https://sim.example/photos/";
    static final String NOTE_ACCEPTED = "已受理 (accepted)";
    static final String NOTE_IN_PROGRESS = "正在处置 (in progress)";
    static final String NOTE_RESOLVED = "已处置完毕 (handled)";
    static final String NOTE_RETURNED = "非本部门职责 (not ours)";

    /** An update and when it is due, counted from the acceptance. */
    record Step(Update update, Duration after) {
    }

    private UpdatePlan() {
    }

    static List<Step> steps(Settings s, Dispatch d, DispatchRecord rec) {
        Instant accepted = Instant.parse(rec.acceptedAt());
        List<Step> steps = new ArrayList<>();
        if (Update.RETURNED.equals(rec.outcome())) {
            steps.add(step(d, rec, Update.RETURNED, NOTE_RETURNED, List.of(), accepted, s.acceptAfter(), 1));
            return steps;
        }
        steps.add(step(d, rec, Update.ACCEPTED, NOTE_ACCEPTED, List.of(), accepted, s.acceptAfter(), 1));
        if (s.progressAfter() != null) {
            steps.add(step(d, rec, Update.IN_PROGRESS, NOTE_IN_PROGRESS, List.of(), accepted, s.progressAfter(), 2));
        }
        steps.add(step(d, rec, Update.RESOLVED, NOTE_RESOLVED, List.of(PHOTO_BASE + d.dispatchId() + ".jpg"), accepted,
                s.resolveAfter(), steps.size() + 1));
        return steps;
    }

    private static Step step(Dispatch d, DispatchRecord rec, String status, String note, List<String> photos,
                             Instant accepted, Duration after, int sequence) {
        Update u = new Update(UUID.randomUUID().toString(), d.dispatchId(), d.tenant(), d.department(), d.caseId(),
                rec.receipt(), status, note, photos, accepted.plus(after).toString(), sequence);
        return new Step(u, after);
    }
}
