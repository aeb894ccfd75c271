package org.gongzhi.core.service.cases;

import java.time.Instant;
import java.util.List;

import org.gongzhi.core.casework.CaseAction;
import org.gongzhi.core.casework.CaseStatus;

/**
 * One journaled transition (流转记录): who did what when, from which status to which.
 * {@code note} is internal (staff only); {@code publicNote}, when not {@code null}, is the text
 * written for the public (公开答复), the only note the public Open311 endpoint shows.
 */
public record JournalEntry(int seq, Instant at, String actor, CaseAction action, CaseStatus from,
                           CaseStatus to, String note, List<String> attachments, String publicNote) {

    /** An entry without a public note. */
    public JournalEntry(int seq, Instant at, String actor, CaseAction action, CaseStatus from, CaseStatus to,
                        String note, List<String> attachments) {
        this(seq, at, actor, action, from, to, note, attachments, null);
    }
}
