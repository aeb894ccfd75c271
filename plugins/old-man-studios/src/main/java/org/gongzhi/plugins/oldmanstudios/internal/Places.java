package org.gongzhi.plugins.oldmanstudios.internal;

import java.util.Optional;

import org.gongzhi.plugin.api.DistrictFacts;
import org.gongzhi.plugin.api.DistrictGrid;
import org.gongzhi.plugin.api.PluginTenants;

/**
 * Where a dispute or a studio lies, read from the district's real grid tree (区情, plugin API 1.3
 * {@link PluginTenants#district}) rather than from the length of a code: a village (社区/村) is a node
 * of level {@link DistrictGrid#COMMUNITY}, a street/town (街道/镇) one of level {@link DistrictGrid#STREET},
 * each found by walking up from a node. A null district (the tenant did not enable the model) knows no
 * code. Ask for the district when it is needed; do not keep it.
 */
final class Places {

    private Places() {
    }

    /** The district's facts, or null when the tenant does not exist or did not enable the model. */
    static DistrictFacts district(PluginTenants tenants, String tenant) {
        return tenants.district(tenant, OldManStudiosModel.ID).orElse(null);
    }

    /** Whether {@code code} is a node of the district's grid tree (any level). */
    static boolean known(DistrictFacts district, String code) {
        return district != null && district.grid(code).isPresent();
    }

    /** Whether {@code code} is a community/village (社区/村) of the district. */
    static boolean isVillage(DistrictFacts district, String code) {
        return district != null
                && district.grid(code).filter(g -> DistrictGrid.COMMUNITY.equals(g.level())).isPresent();
    }

    /** The community/village a node lies in (a village itself); empty above that level or for an unknown code. */
    static Optional<String> village(DistrictFacts district, String code) {
        return ancestor(district, code, DistrictGrid.COMMUNITY);
    }

    /** The street/town a node lies in; empty for the district itself or an unknown code. */
    static Optional<String> street(DistrictFacts district, String code) {
        return ancestor(district, code, DistrictGrid.STREET);
    }

    private static Optional<String> ancestor(DistrictFacts district, String code, String level) {
        return district == null ? Optional.empty() : district.ancestorAt(code, level).map(DistrictGrid::code);
    }
}
