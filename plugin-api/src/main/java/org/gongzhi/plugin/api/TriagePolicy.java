package org.gongzhi.plugin.api;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Decides tier, due period and handling departments of a case when it is registered (立案).
 *
 * <p>Implemented by plugins and registered as a service with the property
 * {@value DistrictModel#MODEL_PROPERTY}; called by the core only for tenants that enabled that
 * model. Returning empty keeps the core's defaults (category tier, 2 h / 5 / 15 working days).
 * Implementations must be thread-safe, must not block (no I/O) and should answer within a
 * millisecond; an exception is logged and treated as empty.
 *
 * <p>Order (since 1.3): when a tenant enabled several models with policies, the core asks them
 * models by id in code point order ({@code "old-man-studios"} before {@code "three-colour-grid"}),
 * within a model highest {@code service.ranking} first, then oldest registration (lowest
 * {@code service.id}); the first decision that is not empty is the case's triage and later
 * policies are not asked.
 *
 * @since 1.0
 */
@ConsumerType
public interface TriagePolicy {

    /** Triage one case; empty when this policy has no opinion. */
    Optional<TriageDecision> triage(CaseFacts facts);
}
