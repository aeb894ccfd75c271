package org.gongzhi.core.open311.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.gongzhi.core.casework.CategoryFamily;
import org.gongzhi.core.tenant.CategoryAttribute;
import org.gongzhi.core.tenant.CategoryDefinition;
import org.gongzhi.core.tenant.TenantDefinition;

/**
 * The services (GeoReport service types) a district offers: its leaf categories of the city
 * management and livelihood families. Comprehensive governance (disputes, public security…) is
 * never offered over Open311, and its cases are never shown. {@code service_code} is the category
 * code, {@code group} the major's name. Stateless.
 */
final class ServiceCatalog {

    /** The families offered over Open311. */
    static final Set<CategoryFamily> OFFERED = Set.of(CategoryFamily.CITY_MANAGEMENT, CategoryFamily.LIVELIHOOD);

    private ServiceCatalog() {
    }

    /** Whether a category code belongs to an offered family. */
    static boolean offered(String categoryCode) {
        return CategoryFamily.fromCode(categoryCode).map(OFFERED::contains).orElse(false);
    }

    /** The offered leaf categories, in file order. */
    static List<CategoryDefinition> services(TenantDefinition t) {
        return t.leafCategories().stream().filter(c -> OFFERED.contains(c.family())).toList();
    }

    /** The offered service with this code; empty for an unknown code, a major class or a CG category. */
    static Optional<CategoryDefinition> service(TenantDefinition t, String code) {
        return t.category(code).filter(CategoryDefinition::leaf).filter(c -> OFFERED.contains(c.family()));
    }

    /** The service's name in the language asked for. */
    static String name(CategoryDefinition c, boolean english) {
        return english && c.nameEn() != null ? c.nameEn() : c.name();
    }

    /** GET services: the service list. */
    static Doc list(TenantDefinition t, boolean english) {
        return Doc.list("services", "service", services(t).stream().map(c -> service(t, c, english)).toList());
    }

    private static Map<String, Object> service(TenantDefinition t, CategoryDefinition c, boolean english) {
        String group = group(t, c, english);
        String family = english ? c.family().labelEn() : c.family().labelZh();
        return Doc.fields(
                "service_code", c.code(),
                "service_name", name(c, english),
                "description", family + " / " + group + " / " + name(c, english),
                "metadata", !c.attributes().isEmpty(),
                "type", "realtime",
                "keywords", String.join(", ", keywords(c, group, family)),
                "group", group);
    }

    private static List<String> keywords(CategoryDefinition c, String group, String family) {
        return c.nameEn() == null ? List.of(c.name(), group, family) : List.of(c.name(), c.nameEn(), group, family);
    }

    /** The major's name; the family's label for a major without minors. */
    private static String group(TenantDefinition t, CategoryDefinition c, boolean english) {
        if (c.parentCode() == null) {
            return english ? c.family().labelEn() : c.family().labelZh();
        }
        return t.category(c.parentCode()).map(m -> name(m, english)).orElse(c.parentCode());
    }

    /** GET service definition. */
    static Doc definition(CategoryDefinition c) {
        List<Map<String, Object>> attributes = c.attributes().stream()
                .sorted((a, b) -> Integer.compare(a.order(), b.order()))
                .map(ServiceCatalog::attribute).toList();
        return new Doc("service_definition", Doc.fields(
                "service_code", c.code(),
                "attributes", new Doc.Items("attribute", attributes)));
    }

    private static Map<String, Object> attribute(CategoryAttribute a) {
        Map<String, Object> out = Doc.fields(
                "variable", a.variable(),
                "code", a.code(),
                "datatype", a.datatype().wireName(),
                "required", a.required(),
                "datatype_description", hint(a.datatype()),
                "order", a.order(),
                "description", a.description());
        if (a.datatype().isList()) {
            out.put("values", new Doc.Items("value", a.values().stream()
                    .map(v -> Doc.fields("key", v.key(), "name", v.name())).toList()));
        }
        return out;
    }

    /** How to enter a value of this datatype, Chinese first. */
    static String hint(CategoryAttribute.Datatype datatype) {
        return switch (datatype) {
            case STRING -> "单行文字 (one line of text)";
            case NUMBER -> "数字，如 3 或 2.5 (a number)";
            case DATETIME -> "带时区的日期时间，如 2026-11-22T08:30:00+08:00 (a w3c datetime)";
            case TEXT -> "文字，可换行 (text, line breaks allowed)";
            case SINGLEVALUELIST -> "从下列选项中选择一项，提交 key (one key of the values)";
            case MULTIVALUELIST -> "从下列选项中选择一项或多项，提交 key (one or more keys of the values)";
        };
    }
}
