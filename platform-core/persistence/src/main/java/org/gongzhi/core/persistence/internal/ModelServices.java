package org.gongzhi.core.persistence.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.gongzhi.plugin.api.DistrictModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Services of one kind contributed by plugins, keyed by their {@code gongzhi.model} property.
 * Safe against plugins arriving and leaving while it is read.
 */
final class ModelServices<T> {

    private static final Logger LOG = LoggerFactory.getLogger(ModelServices.class);

    private final String kind;
    private final Map<String, List<T>> byModel = new ConcurrentHashMap<>();

    ModelServices(String kind) {
        this.kind = kind;
    }

    void add(T service, Map<String, Object> props) {
        String model = model(props);
        if (model == null) {
            LOG.warn("{} {} has no {} property: ignored", kind, service, DistrictModel.MODEL_PROPERTY);
            return;
        }
        byModel.computeIfAbsent(model, m -> new CopyOnWriteArrayList<>()).add(service);
        LOG.info("{} of model {} arrived", kind, model);
    }

    void remove(T service, Map<String, Object> props) {
        String model = model(props);
        List<T> services = model == null ? null : byModel.get(model);
        if (services != null && services.remove(service)) {
            LOG.info("{} of model {} left", kind, model);
        }
    }

    /** The services of {@code model}; empty when none is deployed. */
    List<T> of(String model) {
        return byModel.getOrDefault(model, List.of());
    }

    Set<String> models() {
        return byModel.keySet();
    }

    private static String model(Map<String, Object> props) {
        Object model = props.get(DistrictModel.MODEL_PROPERTY);
        return model == null ? null : model.toString();
    }
}
