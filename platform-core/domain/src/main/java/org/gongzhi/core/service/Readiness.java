package org.gongzhi.core.service;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A part of the platform with start-up work that must finish before people can use it (for
 * example the identity realms: until they are provisioned nobody can sign in). {@code GET
 * /api/v1/health} answers 200 only when every registered part is ready, and names those that are
 * not.
 *
 * <p>Implemented by bundles with start-up work, registered as a service as soon as the bundle
 * knows it has such work; called by the health resource on every health request, so
 * {@link #ready()} must be cheap and must not block.
 *
 * @since 1.4
 */
@ConsumerType
public interface Readiness {

    /** Short name of the part for the health answer, e.g. {@code identity}. */
    String part();

    /** Whether the part is ready now. */
    boolean ready();
}
