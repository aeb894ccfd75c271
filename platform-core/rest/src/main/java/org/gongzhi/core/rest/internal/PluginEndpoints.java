package org.gongzhi.core.rest.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.ws.rs.Path;

import org.gongzhi.plugin.api.DistrictModel;
import org.gongzhi.plugin.api.PluginEndpoint;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whiteboard of plugins' REST endpoints, by model and section (the endpoint class's one-segment
 * {@code @Path}). Plugins come and go here without redeploying the JAX-RS application, so no
 * other request notices.
 */
@Component(service = PluginEndpoints.class)
public final class PluginEndpoints {

    private static final Logger LOG = LoggerFactory.getLogger(PluginEndpoints.class);

    private final Map<String, Map<String, PluginEndpoint>> byModel = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addEndpoint(PluginEndpoint endpoint, Map<String, Object> props) {
        key(endpoint, props).ifPresent(k -> {
            PluginEndpoint earlier = byModel.computeIfAbsent(k[0], m -> new ConcurrentHashMap<>()).putIfAbsent(k[1], endpoint);
            if (earlier != null) {
                LOG.warn("Model {} has two endpoints for section {}: {} kept, {} ignored", k[0], k[1], earlier, endpoint);
            }
        });
    }

    void removeEndpoint(PluginEndpoint endpoint, Map<String, Object> props) {
        key(endpoint, props).ifPresent(k -> {
            Map<String, PluginEndpoint> sections = byModel.get(k[0]);
            if (sections != null) {
                sections.remove(k[1], endpoint);
            }
        });
    }

    /** The endpoint serving {@code section} of {@code model}, if deployed. */
    Optional<PluginEndpoint> find(String model, String section) {
        return Optional.ofNullable(byModel.getOrDefault(model, Map.of()).get(section));
    }

    private static Optional<String[]> key(PluginEndpoint endpoint, Map<String, Object> props) {
        Object model = props.get(DistrictModel.MODEL_PROPERTY);
        Path path = endpoint.getClass().getAnnotation(Path.class);
        String section = path == null ? null : path.value().replaceAll("^/+|/+$", "");
        if (model == null || section == null || section.isEmpty() || section.contains("/") || section.contains("{")) {
            LOG.warn("Plugin endpoint {} ignored: it needs the {} property and a one-segment literal @Path",
                    endpoint, DistrictModel.MODEL_PROPERTY);
            return Optional.empty();
        }
        return Optional.of(new String[] {model.toString(), section});
    }
}
