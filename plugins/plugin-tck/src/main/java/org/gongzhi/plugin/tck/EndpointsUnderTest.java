package org.gongzhi.plugin.tck;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.gongzhi.plugin.api.PluginEndpoint;

/**
 * A plugin's REST endpoints, built as its DS components would be, for {@link PluginEndpointContract},
 * with example requests that must succeed.
 *
 * <pre>{@code
 * return EndpointsUnderTest.of(TemplateModel.ID, new NotesResource(storage, tenants), new GridsResource(storage))
 *         .withExamples(EndpointRequest.post("notes", "{\"text\":\"周五网格例会\"}"), EndpointRequest.get("notes"));
 * }</pre>
 *
 * @param model     the model id the endpoints are registered under ({@code gongzhi.model})
 * @param endpoints the {@link PluginEndpoint}s
 * @param examples  requests that must answer 2xx, sent in order (a POST may create what a later GET reads)
 */
public record EndpointsUnderTest(String model, List<PluginEndpoint> endpoints, List<EndpointRequest> examples) {

    public EndpointsUnderTest {
        Objects.requireNonNull(model, "model");
        endpoints = List.copyOf(endpoints);
        examples = List.copyOf(examples == null ? List.of() : examples);
    }

    public static EndpointsUnderTest of(String model, PluginEndpoint... endpoints) {
        return new EndpointsUnderTest(model, List.of(endpoints), List.of());
    }

    /** Adds example requests, each of which must answer 2xx. */
    public EndpointsUnderTest withExamples(EndpointRequest... more) {
        List<EndpointRequest> all = new ArrayList<>(examples);
        all.addAll(List.of(more));
        return new EndpointsUnderTest(model, endpoints, all);
    }
}
