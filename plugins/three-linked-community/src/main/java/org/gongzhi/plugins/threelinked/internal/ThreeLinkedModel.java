package org.gongzhi.plugins.threelinked.internal;

import java.time.ZoneId;

import org.gongzhi.plugin.api.DistrictModel;
import org.gongzhi.plugin.api.PluginPaths;
import org.osgi.service.component.annotations.Component;

/**
 * 三联工作法 / 三社联动 of Jiangbei, Chongqing: link needs (联需求), link resources (联资源) and link
 * services (联服务) between communities, social organisations and social workers.
 */
@Component(property = DistrictModel.MODEL_PROPERTY + "=" + ThreeLinkedModel.ID)
public final class ThreeLinkedModel implements DistrictModel {

    /** Model id used in tenant definitions and URLs. */
    public static final String ID = "three-linked-community";

    /**
     * URL prefix of this model's REST resources, {@code {tenant}} to be filled in. The core serves the
     * model's {@link org.gongzhi.plugin.api.PluginEndpoint}s under it, each at its section
     * ({@code needs}, {@code meetings}, {@code orders}, …); the plugin uses it only for
     * {@code Location} headers.
     */
    static final String PATH = PluginPaths.BASE + "/" + ID;

    /** Calendar of quarters, half-years and years: every tenant of the platform is in China. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String nameZh() {
        return "三联工作法";
    }

    @Override
    public String nameEn() {
        return "Three-linked community work";
    }

    @Override
    public String version() {
        return "1.1.0";
    }
}
