package org.gongzhi.plugins.threecolour.internal;

import java.time.ZoneId;

import org.gongzhi.plugin.api.DistrictModel;
import org.osgi.service.component.annotations.Component;

/**
 * 一格八员、一网三色: the Jizhou (吉州区) grid model. One grid, eight roles rostered on it; one net,
 * three colours (red party-building leadership, green closed-loop mechanism, blue service).
 * Immutable.
 */
@Component(property = DistrictModel.MODEL_PROPERTY + "=" + ThreeColourGridModel.ID)
public final class ThreeColourGridModel implements DistrictModel {

    /** Model id, used in tenant definitions, service properties and URLs. */
    public static final String ID = "three-colour-grid";

    /**
     * URL path of this model's REST resources, {@code {tenant}} to be filled in. The core serves the
     * model's {@link org.gongzhi.plugin.api.PluginEndpoint}s under it, each at its section
     * ({@code grids}, {@code cases}, {@code whistles}, {@code assessment}); the plugin uses it only
     * for {@code Location} headers.
     */
    public static final String PATH = org.gongzhi.plugin.api.PluginPaths.BASE + "/" + ID;

    /** Time zone of months and dates (every Gongzhi tenant runs on China Standard Time). */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** 花名册: the eight roles of each grid. */
    public static final String ROSTER = "roster";
    /** 会商记录. */
    public static final String CONSULTATIONS = "consultations";
    /** 网格吹哨. */
    public static final String WHISTLES = "whistles";
    /** Per-grid, per-month assessment tallies (考核台账). */
    public static final String TALLIES = "tallies";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String nameZh() {
        return "一格八员、一网三色";
    }

    @Override
    public String nameEn() {
        return "One grid, eight roles; one net, three colours";
    }

    @Override
    public String version() {
        return "1.0.0";
    }
}
