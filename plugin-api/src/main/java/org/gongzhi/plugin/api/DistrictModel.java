package org.gongzhi.plugin.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Descriptor of a district governance model (治理模式), e.g. the three-colour grid of Jizhou.
 *
 * <p>Implemented by plugins, one per plugin bundle; called by the core when it lists models
 * and decides which tenants a plugin serves. Implementations must be immutable and
 * non-blocking: the core calls them on request threads.
 *
 * @since 1.0
 */
@ConsumerType
public interface DistrictModel {

    /** Service property every plugin service carries, naming its model id. */
    String MODEL_PROPERTY = "gongzhi.model";

    /** Stable id used in tenant definitions and URLs, {@code [a-z][a-z0-9-]*}, e.g. {@code three-colour-grid}. */
    String id();

    /** Name in simplified Chinese, e.g. 一格八员、一网三色. */
    String nameZh();

    /** Name in English. */
    String nameEn();

    /** Semantic version of the model's behaviour, e.g. {@code 1.0.0}. */
    String version();
}
