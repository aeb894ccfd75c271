package org.gongzhi.core.service.tenants;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The district models (plugins) deployed right now; they come and go while the platform runs.
 * Implemented by the persistence bundle's plugin whiteboard; called by REST. Thread-safe.
 */
@ProviderType
public interface PluginCatalog {

    /** Deployed models, by id. */
    List<ModelInfo> deployed();

    Optional<ModelInfo> find(String modelId);
}
