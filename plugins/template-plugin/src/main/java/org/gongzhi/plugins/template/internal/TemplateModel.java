package org.gongzhi.plugins.template.internal;

import java.time.ZoneId;

import org.gongzhi.plugin.api.DistrictModel;
import org.gongzhi.plugin.api.PluginPaths;
import org.osgi.service.component.annotations.Component;

/**
 * Descriptor of the template model (模板模式). COPY ME: change {@link #ID}, the names and the
 * version; every other component of the plugin refers to {@link #ID}.
 */
@Component(service = DistrictModel.class, property = DistrictModel.MODEL_PROPERTY + "=" + TemplateModel.ID)
public final class TemplateModel implements DistrictModel {

    /** The model id: in tenant.yaml ({@code plugins: [template]}), URLs and storage. */
    public static final String ID = "template";

    /**
     * URL path of this model's REST endpoints, {@code {tenant}} to be filled in:
     * {@code /api/v1/tenants/{tenant}/plugins/template}. The core serves each
     * {@link org.gongzhi.plugin.api.PluginEndpoint} of the model under it at its section
     * ({@code notes}, {@code grids}); the plugin uses it only for {@code Location} headers.
     */
    public static final String PATH = PluginPaths.BASE + "/" + ID;

    /** The tenants' calendar: report periods are days of this zone (every Gongzhi tenant is in China). */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String nameZh() {
        return "模板模式";
    }

    @Override
    public String nameEn() {
        return "Template model";
    }

    @Override
    public String version() {
        return "1.1.0";
    }
}
