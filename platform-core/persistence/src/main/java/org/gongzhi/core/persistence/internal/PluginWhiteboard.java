package org.gongzhi.core.persistence.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gongzhi.core.service.tenants.ModelInfo;
import org.gongzhi.core.service.tenants.PluginCatalog;
import org.gongzhi.plugin.api.CaseLifecycleListener;
import org.gongzhi.plugin.api.DistrictModel;
import org.gongzhi.plugin.api.TransitionGuard;
import org.gongzhi.plugin.api.TriagePolicy;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The whiteboard of district plugins: their descriptors, triage policies, transition guards and
 * lifecycle listeners, by model. The core asks it only for the models a tenant enabled. The
 * services of a model come in the order plugin API 1.3 documents (see {@link ModelServices}).
 */
@Component(service = {PluginWhiteboard.class, PluginCatalog.class})
public final class PluginWhiteboard implements PluginCatalog {

    private final ModelServices<DistrictModel> models = new ModelServices<>("District model");
    private final ModelServices<TriagePolicy> policies = new ModelServices<>("Triage policy");
    private final ModelServices<TransitionGuard> guards = new ModelServices<>("Transition guard");
    private final ModelServices<CaseLifecycleListener> listeners = new ModelServices<>("Lifecycle listener");

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addModel(DistrictModel model, Map<String, Object> props) {
        models.add(model, props);
    }

    void removeModel(DistrictModel model, Map<String, Object> props) {
        models.remove(model, props);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addPolicy(TriagePolicy policy, Map<String, Object> props) {
        policies.add(policy, props);
    }

    void removePolicy(TriagePolicy policy, Map<String, Object> props) {
        policies.remove(policy, props);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addGuard(TransitionGuard guard, Map<String, Object> props) {
        guards.add(guard, props);
    }

    void removeGuard(TransitionGuard guard, Map<String, Object> props) {
        guards.remove(guard, props);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(CaseLifecycleListener listener, Map<String, Object> props) {
        listeners.add(listener, props);
    }

    void removeListener(CaseLifecycleListener listener, Map<String, Object> props) {
        listeners.remove(listener, props);
    }

    List<TriagePolicy> policies(String model) {
        return policies.of(model);
    }

    List<TransitionGuard> guards(String model) {
        return guards.of(model);
    }

    List<CaseLifecycleListener> listeners(String model) {
        return listeners.of(model);
    }

    @Override
    public List<ModelInfo> deployed() {
        List<String> ids = models.models();
        return ids.stream().map(this::find).flatMap(Optional::stream)
                .sorted(Comparator.comparing(ModelInfo::id)).toList();
    }

    @Override
    public Optional<ModelInfo> find(String modelId) {
        return models.of(modelId).stream().findFirst()
                .map(m -> new ModelInfo(m.id(), m.nameZh(), m.nameEn(), m.version()));
    }
}
