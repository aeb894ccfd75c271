package org.gongzhi.core.persistence.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.gongzhi.core.tenant.TenantDefinition;
import org.gongzhi.plugin.api.CaseFacts;
import org.gongzhi.plugin.api.DistrictModel;
import org.gongzhi.plugin.api.TriageDecision;
import org.gongzhi.plugin.api.TriagePolicy;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whiteboard of plugins' triage policies. Asks, for one tenant, only the policies of the models
 * that tenant enabled, so a plugin enabled for Donghu never touches a Jizhou case.
 */
@Component(service = TriagePolicies.class)
public final class TriagePolicies {

    private static final Logger LOG = LoggerFactory.getLogger(TriagePolicies.class);

    private final Map<String, TriagePolicy> byModel = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addPolicy(TriagePolicy policy, Map<String, Object> props) {
        Object model = props.get(DistrictModel.MODEL_PROPERTY);
        if (model == null) {
            LOG.warn("Triage policy {} has no {} property: ignored", policy, DistrictModel.MODEL_PROPERTY);
            return;
        }
        byModel.put(model.toString(), policy);
    }

    void removePolicy(TriagePolicy policy, Map<String, Object> props) {
        Object model = props.get(DistrictModel.MODEL_PROPERTY);
        if (model != null) {
            byModel.remove(model.toString(), policy);
        }
    }

    /** The first decision of the tenant's enabled models, in the order the tenant lists them. */
    Optional<TriageDecision> decide(TenantDefinition tenant, CaseFacts facts) {
        for (String model : tenant.plugins()) {
            TriagePolicy policy = byModel.get(model);
            if (policy == null) {
                continue;
            }
            try {
                Optional<TriageDecision> decision = policy.triage(facts);
                if (decision != null && decision.isPresent()) {
                    return decision;
                }
            } catch (RuntimeException e) {
                LOG.warn("Triage policy of model {} failed on case {}: {}", model, facts.caseNumber(), e.toString());
            }
        }
        return Optional.empty();
    }
}
