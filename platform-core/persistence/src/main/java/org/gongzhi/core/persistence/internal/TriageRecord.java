package org.gongzhi.core.persistence.internal;

import org.gongzhi.plugin.api.TriageDecision;

/** Records on a case which plugin triaged it and what it decided to show. */
final class TriageRecord {

    static final int MAX_ATTRIBUTE_LENGTH = 40;

    private TriageRecord() {
    }

    static void apply(CaseEntity c, PluginHooks.Triage triage) {
        TriageDecision d = triage.decision();
        d.attributes().forEach((k, v) -> {
            if (k.length() > MAX_ATTRIBUTE_LENGTH || v.length() > MAX_ATTRIBUTE_LENGTH) {
                throw new IllegalStateException("model " + triage.model() + " returned an attribute over "
                        + MAX_ATTRIBUTE_LENGTH + " characters: " + k);
            }
        });
        c.triageModel = triage.model();
        c.triageAttributes = d.attributes().isEmpty() ? null : JsonText.write(d.attributes());
        c.triageCopyCompetent = d.copyToCompetentDepartment();
    }
}
