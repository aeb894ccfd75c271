package org.gongzhi.plugin.api;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Adds a condition to a step of the closed loop: the model's own workflow step that must happen
 * first (for example a consultation record 会商记录 before a key/difficult case is verified).
 *
 * <p>Implemented by plugins, registered with {@value DistrictModel#MODEL_PROPERTY}; called by the
 * core before it applies a step to a case of a tenant that enabled the model. Return a reason
 * (zh-CN first, English in brackets) to refuse the step; the caller gets 409 with that reason.
 * Called inside the core's request: must be thread-safe and fast; it may read the plugin's
 * {@link PluginStorage}. An exception refuses the step.
 *
 * <p>Order (since 1.3): the guards of a tenant's enabled models are asked models by id in code
 * point order, within a model highest {@code service.ranking} first, then oldest registration
 * (lowest {@code service.id}); the first refusal is the answer and later guards are not asked.
 *
 * @since 1.0
 */
@ConsumerType
public interface TransitionGuard {

    /**
     * @param facts  the case before the step
     * @param caseId the case's id
     * @param action wire name of the step, e.g. {@code verify-pass}
     * @return empty to allow, or why the step is refused
     */
    Optional<String> check(CaseFacts facts, String caseId, String action);
}
