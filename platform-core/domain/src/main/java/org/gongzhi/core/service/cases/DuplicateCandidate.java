package org.gongzhi.core.service.cases;

import java.util.UUID;

/**
 * An open case that a new case may repeat (疑似重复的候选), with the parts of its score (ADR 0034):
 * {@code distanceMetres} between the two reports' coordinates ({@code null} when one has none and they
 * matched on {@code sameGrid}), {@code hours} between the two reports, {@code textOverlap} the share of
 * the two-character pieces of title and address they have in common (Dice, 0–1), and {@code score} (0–1)
 * computed from those three.
 *
 * @since 2.1
 */
public record DuplicateCandidate(UUID id, String number, double score, Integer distanceMetres, double hours,
                                 double textOverlap, boolean sameGrid) {
}
