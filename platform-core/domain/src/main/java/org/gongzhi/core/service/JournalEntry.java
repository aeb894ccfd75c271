package org.gongzhi.core.service;

import java.time.Instant;
import java.util.List;

import org.gongzhi.core.casework.CaseAction;
import org.gongzhi.core.casework.CaseStatus;

/** One journaled transition (流转记录): who did what when, from which status to which. */
public record JournalEntry(int seq, Instant at, String actor, CaseAction action, CaseStatus from,
                           CaseStatus to, String note, List<String> attachments) {
}
