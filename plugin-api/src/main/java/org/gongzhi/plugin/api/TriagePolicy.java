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
 * @since 1.0
 */
@ConsumerType
public interface TriagePolicy {

    /** Triage one case; empty when this policy has no opinion. */
    Optional<TriageDecision> triage(CaseFacts facts);
}
