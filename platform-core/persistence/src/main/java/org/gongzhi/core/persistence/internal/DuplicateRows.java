package org.gongzhi.core.persistence.internal;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.gongzhi.core.service.cases.DuplicateCandidate;
import org.gongzhi.core.service.cases.DuplicateFlag;

/** The duplicate columns of a case row (V24) as a {@link DuplicateFlag}, and its candidates as JSON text. */
final class DuplicateRows {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<DuplicateCandidate>> CANDIDATES = new TypeReference<>() {
    };

    private DuplicateRows() {
    }

    static String write(List<DuplicateCandidate> candidates) {
        try {
            return JSON.writeValueAsString(candidates);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<DuplicateCandidate> read(String text) {
        if (text == null) {
            return List.of();
        }
        try {
            return JSON.readValue(text, CANDIDATES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("duplicate_candidates is not a candidate list", e);
        }
    }

    /** The flag of a row; {@code masterNumber} is the number of {@code c.mergedInto}, or null. */
    static DuplicateFlag flag(CaseEntity c, String masterNumber) {
        return new DuplicateFlag(c.duplicateState == null ? null : DuplicateFlag.State.valueOf(c.duplicateState),
                c.duplicateScore == null ? null : Math.round(c.duplicateScore * 1000) / 1000.0,
                read(c.duplicateCandidates), c.mergedInto, masterNumber, c.repeatNumber);
    }
}
