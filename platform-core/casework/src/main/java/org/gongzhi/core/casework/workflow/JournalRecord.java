package org.gongzhi.core.casework.workflow;

import java.time.Instant;
import java.util.List;

import org.gongzhi.core.casework.CaseAction;
import org.gongzhi.core.casework.CaseStatus;

/**
 * The journal entry (办理记录) a step writes; storage numbers it after the case's last entry.
 *
 * @param actor      who took the step ({@code anonymous} when nobody was named)
 * @param note       the internal note (staff only), or {@code null}
 * @param publicNote the text for the public (at most {@value CaseIntake#MAX_PUBLIC_NOTE} characters), or {@code null}
 * @since 1.0.0
 */
public record JournalRecord(CaseAction action, CaseStatus from, CaseStatus to, String actor, Instant at,
                            String note, String publicNote, List<String> attachments) {

    /** Copies the list. */
    public JournalRecord {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
