package org.gongzhi.plugins.template.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gongzhi.plugin.api.CaseFacts;
import org.gongzhi.plugin.api.DistrictModel;
import org.gongzhi.plugin.api.TriageDecision;
import org.gongzhi.plugin.api.TriagePolicy;
import org.osgi.service.component.annotations.Component;

/**
 * The template's one triage rule (分级分类规则): a case that came in on the 12345 hotline
 * (热线来件) is copied to the district competent department at dispatch (同步抄送) and marked
 * {@code source=hotline}; its tier and due period stay those of its category (simple 2 hours,
 * coordination 5 working days, difficult 15 working days). Any other case, or a category whose
 * tier is unknown: no opinion, the core's defaults apply.
 *
 * <p>Pure function of the facts: no I/O, no state, so thread-safe and fast as the API requires.
 */
@Component(service = TriagePolicy.class, property = DistrictModel.MODEL_PROPERTY + "=" + TemplateModel.ID)
public final class TemplateTriagePolicy implements TriagePolicy {

    static final String HOTLINE = "hotline";

    @Override
    public Optional<TriageDecision> triage(CaseFacts facts) {
        if (!HOTLINE.equals(facts.channel()) || facts.defaultTier() == null) {
            return Optional.empty();
        }
        return switch (facts.defaultTier()) {
            case "simple" -> Optional.of(copied("simple", 2, 0));
            case "coordination" -> Optional.of(copied("coordination", 0, 5));
            case "difficult" -> Optional.of(copied("difficult", 0, 15));
            default -> Optional.empty();
        };
    }

    private static TriageDecision copied(String tier, int dueHours, int dueWorkingDays) {
        return new TriageDecision(tier, dueHours, dueWorkingDays, null, List.of(), true, Map.of("source", HOTLINE));
    }
}
