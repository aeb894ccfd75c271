package org.gongzhi.plugins.template.internal;

import org.gongzhi.plugin.api.PluginStorage;
import org.gongzhi.plugin.api.PluginTenants;
import org.gongzhi.plugin.tck.EndpointRequest;
import org.gongzhi.plugin.tck.EndpointsUnderTest;
import org.gongzhi.plugin.tck.PluginEndpointContract;

/** The endpoint contract of the TCK over the template's REST endpoints, served as the platform serves them. */
public class TemplateEndpointContractTest extends PluginEndpointContract {

    @Override
    protected EndpointsUnderTest createEndpoints(PluginStorage storage, PluginTenants tenants) {
        return EndpointsUnderTest.of(TemplateModel.ID, new NotesResource(storage, tenants), new GridsResource(storage))
                .withExamples(EndpointRequest.post("notes", "{\"text\":\"周五下午网格例会\",\"gridCode\":\"360802001001001\"}"),
                        EndpointRequest.get("notes?grid=360802001001001&offset=0&limit=10"),
                        EndpointRequest.get("grids/360802001001001/events"));
    }
}
