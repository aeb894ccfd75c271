package org.gongzhi.core.tenant.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gongzhi.core.casework.CategoryFamily;
import org.gongzhi.core.casework.SlaTier;
import org.gongzhi.core.tenant.CategoryDefinition;

/**
 * Parses the nested categories file ({@code families[].majors[].minors[]}) into a flat list,
 * majors before their minors. Each located value points at the category's element so that a
 * later departmentKind check can name {@code <element>.departmentKind}.
 */
public final class CategoryParser {

    private static final Set<String> MAJOR_KEYS = Set.of("code", "name", "nameEn", "minors", "tier", "departmentKind");
    private static final Set<String> MINOR_KEYS = Set.of("code", "name", "nameEn", "tier", "departmentKind");

    private CategoryParser() {
    }

    public static List<Located<CategoryDefinition>> parse(Field root) {
        root.requireObject(Set.of("families"));
        List<Located<CategoryDefinition>> out = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        List<Field> families = root.get("families").elements();
        if (families.isEmpty()) {
            throw root.get("families").error("must list at least one family");
        }
        for (Field fam : families) {
            fam.requireObject(Set.of("family", "majors"));
            CategoryFamily family = fam.get("family").parse(CategoryFamily::valueOf,
                    "one of CITY_MANAGEMENT, LIVELIHOOD, COMPREHENSIVE_GOVERNANCE");
            for (Field major : fam.get("majors").elements()) {
                major.requireObject(MAJOR_KEYS);
                List<Field> minors = major.get("minors").elements();
                CategoryDefinition m = category(major, family, null, minors.isEmpty(), codes);
                if (m.code().length() != 4) {
                    throw major.get("code").error("a major category code has 4 characters such as CM01: " + m.code());
                }
                out.add(new Located<>(m, major));
                for (Field minor : minors) {
                    minor.requireObject(MINOR_KEYS);
                    CategoryDefinition c = category(minor, family, m.code(), true, codes);
                    out.add(new Located<>(c, minor));
                }
            }
        }
        return out;
    }

    private static CategoryDefinition category(Field f, CategoryFamily family, String parentCode, boolean leaf,
                                               Set<String> codes) {
        Field codeField = f.get("code");
        String code = codeField.text(true);
        if (!CategoryDefinition.CODE.matcher(code).matches()) {
            throw codeField.error("category code must match " + CategoryDefinition.CODE + ", got \"" + code + "\"");
        }
        if (CategoryFamily.fromCode(code).orElseThrow() != family) {
            throw codeField.error("category " + code + " does not belong to family " + family);
        }
        if (parentCode != null && !(code.length() == 6 && code.startsWith(parentCode))) {
            throw codeField.error("a minor category code is its major's code plus 2 digits (" + parentCode + "xx), got "
                    + code);
        }
        if (!codes.add(code)) {
            throw codeField.error("duplicate category code " + code);
        }
        Field tierField = f.get("tier");
        SlaTier tier = tierField.isMissing() ? null
                : tierField.parse(s -> SlaTier.valueOf(s), "one of SIMPLE, COORDINATION, DIFFICULT");
        String kind = f.get("departmentKind").text(false);
        if (leaf && tier == null) {
            throw tierField.error("is required for a leaf category");
        }
        if (leaf && kind == null) {
            throw f.get("departmentKind").error("is required for a leaf category");
        }
        try {
            return new CategoryDefinition(code, family, f.get("name").text(true), f.get("nameEn").text(false),
                    parentCode, tier, kind, leaf);
        } catch (IllegalArgumentException e) {
            throw f.error(e.getMessage(), e);
        }
    }
}
