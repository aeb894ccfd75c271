package org.gongzhi.plugins.threecolour.internal;

import java.util.Optional;

import org.gongzhi.plugin.api.CaseFacts;
import org.gongzhi.plugin.api.DistrictModel;
import org.gongzhi.plugin.api.TriageDecision;
import org.gongzhi.plugin.api.TriagePolicy;
import org.osgi.service.component.annotations.Component;

/** 一网三色 triage at registration (立案): see {@link JizhouTriage}. Non-blocking, thread-safe. */
@Component(property = DistrictModel.MODEL_PROPERTY + "=" + ThreeColourGridModel.ID)
public final class ThreeColourTriagePolicy implements TriagePolicy {

    @Override
    public Optional<TriageDecision> triage(CaseFacts facts) {
        return JizhouTriage.decide(facts);
    }
}
