package org.gongzhi.core.rest.internal;

import java.util.List;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.PathSegment;

import org.gongzhi.core.service.PluginCatalog;
import org.gongzhi.core.service.TenantDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;

/**
 * Keeps plugin resources ({@code /api/v1/tenants/{tenant}/plugins/{model}/…}) to the tenants that
 * enabled the model: for any other tenant, an unknown tenant or a model not deployed, the answer
 * is 404 exactly as for a path that does not exist, before any plugin code runs.
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@PreMatching
public final class PluginGate implements ContainerRequestFilter {

    private final TenantDirectory tenants;
    private final PluginCatalog catalog;

    @Activate
    public PluginGate(@Reference TenantDirectory tenants, @Reference PluginCatalog catalog) {
        this.tenants = tenants;
        this.catalog = catalog;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        List<PathSegment> path = request.getUriInfo().getPathSegments();
        // api / v1 / tenants / {tenant} / plugins / {model} / …
        if (path.size() < 7 || !"api".equals(seg(path, 0)) || !"v1".equals(seg(path, 1))
                || !"tenants".equals(seg(path, 2)) || !"plugins".equals(seg(path, 4))) {
            return;
        }
        String tenant = seg(path, 3);
        String model = seg(path, 5);
        if (tenants.find(tenant).isEmpty() || !tenants.enabledModels(tenant).contains(model)
                || catalog.find(model).isEmpty()) {
            request.abortWith(Problem.response(404, "not-found", "资源不存在 (not found)",
                    "本区未启用该治理模式 (district " + tenant + " has no model " + model + ")", null));
        }
    }

    private static String seg(List<PathSegment> path, int i) {
        return path.get(i).getPath();
    }
}
