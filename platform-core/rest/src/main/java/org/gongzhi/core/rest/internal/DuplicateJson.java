package org.gongzhi.core.rest.internal;

import java.util.List;
import java.util.UUID;

import org.gongzhi.core.service.cases.DuplicateCandidate;
import org.gongzhi.core.service.cases.DuplicateFlag;

/**
 * Wire form of a case's duplicate flag and repeat count (ADR 0034): {@code state} {@code flagged},
 * {@code merged}, {@code dismissed} or absent; the candidates with the parts of their score.
 */
record DuplicateJson(String state, Double score, List<Candidate> candidates, UUID mergedInto, String mergedIntoNumber,
                     int repeatNumber) {

    /** A candidate: its distance (absent when matched by grid), hours apart, text overlap, score. */
    record Candidate(UUID id, String number, double score, Integer distanceMetres, double hours, double textOverlap,
                     boolean sameGrid) {
    }

    /** Body of a merge: the master's id and an optional note. */
    record MergeRequest(String master, String note) {
    }

    /** Body of a dismissal: an optional note. */
    record DismissRequest(String note) {
    }

    static DuplicateJson of(DuplicateFlag f) {
        return new DuplicateJson(CaseJson.wire(f.state()), f.score(), f.candidates().stream().map(DuplicateJson::of).toList(),
                f.mergedInto(), f.mergedIntoNumber(), f.repeatNumber());
    }

    private static Candidate of(DuplicateCandidate c) {
        return new Candidate(c.id(), c.number(), c.score(), c.distanceMetres(), c.hours(), c.textOverlap(), c.sameGrid());
    }
}
