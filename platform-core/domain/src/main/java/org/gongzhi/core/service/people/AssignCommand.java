package org.gongzhi.core.service.people;

/**
 * One assignment: whom, why (required when the case already has an assignee), by whom (the journal's actor),
 * and optionally the case version the caller saw (else no version check).
 */
public record AssignCommand(String assignee, String reason, String actor, Long expectedVersion) {

    /** Longest reason, in characters. */
    public static final int MAX_REASON = 500;
}
