package org.gongzhi.core.resident.internal;

import java.util.Map;

import org.gongzhi.core.casework.CategoryFamily;
import org.gongzhi.core.tenant.CategoryDefinition;

/**
 * The icon of a category on the resident page: a stable short name per major class (大类) that the
 * page maps to an icon it bundles; a major class without one of its own gets its family's. Names are
 * never reused for something else (the page keeps its icons by these names).
 */
final class CategoryIcons {

    private static final Map<String, String> BY_MAJOR = Map.ofEntries(
            Map.entry("CM01", "rubbish"), Map.entry("CM02", "billboard"), Map.entry("CM03", "construction"),
            Map.entry("CM04", "street"), Map.entry("CM05", "greenery"), Map.entry("CM06", "facility"),
            Map.entry("LS01", "welfare"), Map.entry("LS02", "health"), Map.entry("LS03", "school"),
            Map.entry("LS04", "housing"), Map.entry("LS05", "utility"), Map.entry("LS06", "elderly"),
            Map.entry("LS07", "farming"), Map.entry("CG01", "dispute"), Map.entry("CG02", "security"),
            Map.entry("CG03", "fire"), Map.entry("CG04", "food"), Map.entry("CG05", "care"),
            Map.entry("CG06", "petition"), Map.entry("CG07", "disaster"));

    private static final Map<CategoryFamily, String> BY_FAMILY = Map.of(CategoryFamily.CITY_MANAGEMENT, "city",
            CategoryFamily.LIVELIHOOD, "livelihood", CategoryFamily.COMPREHENSIVE_GOVERNANCE, "governance");

    private CategoryIcons() {
    }

    /** Every icon name this class can answer. */
    static java.util.Set<String> names() {
        java.util.Set<String> all = new java.util.TreeSet<>(BY_MAJOR.values());
        all.addAll(BY_FAMILY.values());
        return all;
    }

    static String of(CategoryDefinition c) {
        String major = c.code().substring(0, 4);
        return BY_MAJOR.getOrDefault(major, BY_FAMILY.get(c.family()));
    }
}
