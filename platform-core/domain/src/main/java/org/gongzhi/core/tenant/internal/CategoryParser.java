package org.gongzhi.core.tenant.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gongzhi.core.casework.CategoryFamily;
import org.gongzhi.core.casework.SlaTier;
import org.gongzhi.core.tenant.CategoryAttribute;
import org.gongzhi.core.tenant.CategoryDefinition;
import org.gongzhi.core.tenant.MatterKind;

/**
 * Parses the nested categories file ({@code families[].majors[].minors[]}) into a flat list,
 * majors before their minors. Each located value points at the category's element so that a
 * later departmentKind check can name {@code <element>.departmentKind}. A leaf may list
 * {@code attributes} (code, datatype, required, variable, description, order, values of key/name),
 * the extra questions of its reports; {@code order} defaults to the position in the list. {@code matterKind}
 * ({@code service} or {@code rights}, the cross-district rule) of a major holds for its minors unless a minor
 * states its own.
 */
public final class CategoryParser {

    private static final Set<String> MAJOR_KEYS =
            Set.of("code", "name", "nameEn", "minors", "tier", "departmentKind", "attributes", "matterKind");
    private static final Set<String> MINOR_KEYS = Set.of("code", "name", "nameEn", "tier", "departmentKind", "attributes",
            "matterKind");
    private static final Set<String> ATTRIBUTE_KEYS =
            Set.of("code", "datatype", "required", "variable", "description", "order", "values");
    private static final Set<String> VALUE_KEYS = Set.of("key", "name");

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
                CategoryDefinition m = category(major, family, null, minors.isEmpty(), codes, null);
                if (m.code().length() != 4) {
                    throw major.get("code").error("a major category code has 4 characters such as CM01: " + m.code());
                }
                out.add(new Located<>(m, major));
                for (Field minor : minors) {
                    minor.requireObject(MINOR_KEYS);
                    CategoryDefinition c = category(minor, family, m.code(), true, codes, m.matterKind());
                    out.add(new Located<>(c, minor));
                }
            }
        }
        return out;
    }

    private static CategoryDefinition category(Field f, CategoryFamily family, String parentCode, boolean leaf,
                                               Set<String> codes, MatterKind inherited) {
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
        List<CategoryAttribute> attributes = attributes(f.get("attributes"), leaf);
        Field kindField = f.get("matterKind");
        MatterKind matterKind = kindField.isMissing() ? inherited
                : kindField.parse(s -> MatterKind.fromWireName(s).orElseThrow(), "one of service, rights");
        try {
            return new CategoryDefinition(code, family, f.get("name").text(true), f.get("nameEn").text(false),
                    parentCode, tier, kind, leaf, attributes, matterKind);
        } catch (IllegalArgumentException e) {
            throw f.error(e.getMessage(), e);
        }
    }

    private static List<CategoryAttribute> attributes(Field list, boolean leaf) {
        List<Field> elements = list.elements();
        if (!leaf && !elements.isEmpty()) {
            throw list.error("only a leaf category (one without minors) can have attributes");
        }
        List<CategoryAttribute> out = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        Set<Integer> orders = new HashSet<>();
        for (int i = 0; i < elements.size(); i++) {
            Field a = elements.get(i).requireObject(ATTRIBUTE_KEYS);
            String code = a.get("code").text(true);
            if (!CategoryAttribute.CODE.matcher(code).matches()) {
                throw a.get("code").error("attribute code must match " + CategoryAttribute.CODE + ", got \"" + code + "\"");
            }
            if (!codes.add(code)) {
                throw a.get("code").error("duplicate attribute code " + code);
            }
            CategoryAttribute.Datatype datatype = a.get("datatype").parse(
                    s -> CategoryAttribute.Datatype.fromWireName(s).orElseThrow(),
                    "one of string, number, datetime, text, singlevaluelist, multivaluelist");
            int order = order(a.get("order"), i + 1);
            if (!orders.add(order)) {
                throw a.get("order").error("duplicate attribute order " + order);
            }
            List<CategoryAttribute.Value> values = values(a.get("values"), datatype);
            try {
                out.add(new CategoryAttribute(code, datatype, bool(a.get("required"), false), bool(a.get("variable"), true),
                        a.get("description").text(true), order, values));
            } catch (IllegalArgumentException e) {
                throw a.error(e.getMessage(), e);
            }
        }
        return out;
    }

    private static List<CategoryAttribute.Value> values(Field list, CategoryAttribute.Datatype datatype) {
        List<Field> elements = list.elements();
        if (datatype.isList() && elements.isEmpty()) {
            throw list.error("is required for datatype " + datatype.wireName() + " (at least one key/name)");
        }
        if (!datatype.isList() && !elements.isEmpty()) {
            throw list.error("only singlevaluelist and multivaluelist attributes list values");
        }
        List<CategoryAttribute.Value> out = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (Field v : elements) {
            v.requireObject(VALUE_KEYS);
            String key = v.get("key").text(true);
            if (!CategoryAttribute.KEY.matcher(key).matches()) {
                throw v.get("key").error("value key must match " + CategoryAttribute.KEY + ", got \"" + key + "\"");
            }
            if (!keys.add(key)) {
                throw v.get("key").error("duplicate value key " + key);
            }
            out.add(new CategoryAttribute.Value(key, v.get("name").text(true)));
        }
        return out;
    }

    private static boolean bool(Field f, boolean fallback) {
        if (f.isMissing()) {
            return fallback;
        }
        if (!f.node().isBoolean()) {
            throw f.error("must be true or false: " + f.node().asText());
        }
        return f.node().booleanValue();
    }

    private static int order(Field f, int fallback) {
        if (f.isMissing()) {
            return fallback;
        }
        if (!f.node().canConvertToInt() || !f.node().isIntegralNumber() || f.node().intValue() < 1) {
            throw f.error("must be a whole number of at least 1: " + f.node().asText());
        }
        return f.node().intValue();
    }
}
