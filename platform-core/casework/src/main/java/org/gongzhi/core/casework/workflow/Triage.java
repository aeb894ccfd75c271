package org.gongzhi.core.casework.workflow;

import java.util.Objects;

import org.gongzhi.plugin.api.TriageDecision;

/**
 * A plugin's triage decision (分级分流) and the model whose plugin made it.
 *
 * @since 1.0.0
 */
public record Triage(String model, TriageDecision decision) {

    /** Longest attribute key or value a plugin may ask to show, in characters. */
    public static final int MAX_ATTRIBUTE_LENGTH = 40;

    /** @throws NullPointerException if a part is missing */
    public Triage {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(decision, "decision");
    }
}
