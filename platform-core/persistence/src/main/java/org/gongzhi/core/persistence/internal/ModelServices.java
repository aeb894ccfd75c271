package org.gongzhi.core.persistence.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.gongzhi.plugin.api.DistrictModel;
import org.osgi.framework.Constants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Services of one kind contributed by plugins, keyed by their {@code gongzhi.model} property.
 * Safe against plugins arriving and leaving while it is read.
 *
 * <p>The services of a model come in the order plugin API 1.3 documents: highest
 * {@code service.ranking} first, then lowest {@code service.id} (the oldest registration), as OSGi
 * orders service references; {@link #models()} lists model ids in code point order.
 */
final class ModelServices<T> {

    private static final Logger LOG = LoggerFactory.getLogger(ModelServices.class);

    /** One registration with what orders it. */
    private record Entry<T>(T service, int ranking, long serviceId) {
    }

    /** OSGi order: ranking descending, then service id ascending. */
    private static final Comparator<Entry<?>> ORDER = Comparator.<Entry<?>>comparingInt(e -> -e.ranking())
            .thenComparingLong(Entry::serviceId);

    private final String kind;
    private final Map<String, List<Entry<T>>> byModel = new ConcurrentHashMap<>();

    ModelServices(String kind) {
        this.kind = kind;
    }

    void add(T service, Map<String, Object> props) {
        String model = model(props);
        if (model == null) {
            LOG.warn("{} {} has no {} property: ignored", kind, service, DistrictModel.MODEL_PROPERTY);
            return;
        }
        Entry<T> entry = new Entry<>(service, ranking(props), serviceId(props));
        byModel.compute(model, (m, old) -> {
            List<Entry<T>> next = new ArrayList<>(old == null ? List.of() : old);
            next.add(entry);
            next.sort(ORDER);
            return List.copyOf(next);
        });
        LOG.info("{} of model {} arrived", kind, model);
    }

    void remove(T service, Map<String, Object> props) {
        String model = model(props);
        if (model == null) {
            return;
        }
        boolean[] removed = {false};
        byModel.computeIfPresent(model, (m, old) -> {
            List<Entry<T>> next = new ArrayList<>(old);
            removed[0] = next.removeIf(e -> e.service().equals(service));
            return next.isEmpty() ? null : List.copyOf(next);
        });
        if (removed[0]) {
            LOG.info("{} of model {} left", kind, model);
        }
    }

    /** The services of {@code model} in OSGi order; empty when none is deployed. */
    List<T> of(String model) {
        return byModel.getOrDefault(model, List.of()).stream().map(Entry::service).toList();
    }

    /** The models with a service of this kind, by id in code point order. */
    List<String> models() {
        return byModel.keySet().stream().sorted().toList();
    }

    /** {@code models} in the order the core asks them: by id, code point order. */
    static List<String> ordered(Set<String> models) {
        return models.stream().sorted().toList();
    }

    private static String model(Map<String, Object> props) {
        Object model = props.get(DistrictModel.MODEL_PROPERTY);
        return model == null ? null : model.toString();
    }

    private static int ranking(Map<String, Object> props) {
        return props.get(Constants.SERVICE_RANKING) instanceof Integer r ? r : 0;
    }

    private static long serviceId(Map<String, Object> props) {
        return props.get(Constants.SERVICE_ID) instanceof Number n ? n.longValue() : Long.MAX_VALUE;
    }
}
