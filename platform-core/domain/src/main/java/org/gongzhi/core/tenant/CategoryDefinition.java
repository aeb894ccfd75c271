package org.gongzhi.core.tenant;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.gongzhi.core.casework.CategoryFamily;
import org.gongzhi.core.casework.SlaTier;

/**
 * One event category (事件分类), flattened from the nested categories file: majors (大类, four
 * characters such as {@code CM01}) and minors (小类, six characters such as {@code CM0101}).
 * A case may only be filed under a {@link #leaf() leaf}; a major is a leaf only when it has no minors.
 *
 * @param code           {@code ^(CM|LS|CG)\d{2}(\d{2})?$}
 * @param family         family; {@code null} is replaced by the one derived from the code prefix, another value must agree with it
 * @param name           Chinese name
 * @param nameEn         English name, may be {@code null}
 * @param parentCode     the major's code for a minor (the first four characters), {@code null} for a major
 * @param tier           time-limit tier; required for a leaf, else may be {@code null}
 * @param departmentKind kind of the department that handles it ({@code [A-Z_]+}); required for a leaf
 * @param leaf           whether cases may use this code
 * @param attributes     extra questions a report of this category answers (only a leaf has any), unique codes
 *                       and orders; {@code null} means none (since 1.2)
 * @param matterKind     service or rights matter for the cross-district rule ({@link MatterKind}); {@code null}
 *                       when the category stays where it is filed (since 1.4)
 * @throws IllegalArgumentException naming the field when a value is invalid
 */
public record CategoryDefinition(String code, CategoryFamily family, String name, String nameEn, String parentCode,
                                 SlaTier tier, String departmentKind, boolean leaf,
                                 List<CategoryAttribute> attributes, MatterKind matterKind) {

    /** Pattern every category code must match. */
    public static final Pattern CODE = Pattern.compile("^(CM|LS|CG)\\d{2}(\\d{2})?$");

    /** Validates the components and derives the family. */
    public CategoryDefinition {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("code must match " + CODE + ": " + DepartmentDefinition.quote(code));
        }
        CategoryFamily derived = CategoryFamily.fromCode(code).orElseThrow();
        if (family == null) {
            family = derived;
        } else if (family != derived) {
            throw new IllegalArgumentException("category " + code + " belongs to family " + derived + ", not " + family);
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name of category " + code + " must not be blank");
        }
        boolean minor = code.length() == 6;
        if (minor && !code.substring(0, 4).equals(parentCode)) {
            throw new IllegalArgumentException("parentCode of category " + code + " must be " + code.substring(0, 4)
                    + ": " + DepartmentDefinition.quote(parentCode));
        }
        if (!minor && parentCode != null) {
            throw new IllegalArgumentException("major category " + code + " must not have a parentCode");
        }
        if (minor && !leaf) {
            throw new IllegalArgumentException("minor category " + code + " must be a leaf");
        }
        if (leaf && tier == null) {
            throw new IllegalArgumentException("tier of leaf category " + code + " is required");
        }
        if (leaf && departmentKind == null) {
            throw new IllegalArgumentException("departmentKind of leaf category " + code + " is required");
        }
        if (departmentKind != null && !DepartmentDefinition.KIND.matcher(departmentKind).matches()) {
            throw new IllegalArgumentException("departmentKind of category " + code + " must match [A-Z_]+: "
                    + DepartmentDefinition.quote(departmentKind));
        }
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
        if (!leaf && !attributes.isEmpty()) {
            throw new IllegalArgumentException("category " + code + " is not a leaf and cannot have attributes");
        }
        Set<String> codes = new HashSet<>();
        Set<Integer> orders = new HashSet<>();
        for (CategoryAttribute a : attributes) {
            if (!codes.add(a.code())) {
                throw new IllegalArgumentException("duplicate attribute code " + a.code() + " in category " + code);
            }
            if (!orders.add(a.order())) {
                throw new IllegalArgumentException("duplicate attribute order " + a.order() + " in category " + code);
            }
        }
    }

    /** A category without a matter kind (the form before 1.4). */
    public CategoryDefinition(String code, CategoryFamily family, String name, String nameEn, String parentCode,
                              SlaTier tier, String departmentKind, boolean leaf, List<CategoryAttribute> attributes) {
        this(code, family, name, nameEn, parentCode, tier, departmentKind, leaf, attributes, null);
    }

    /** A category without attributes (the form before 1.2). */
    public CategoryDefinition(String code, CategoryFamily family, String name, String nameEn, String parentCode,
                              SlaTier tier, String departmentKind, boolean leaf) {
        this(code, family, name, nameEn, parentCode, tier, departmentKind, leaf, List.of(), null);
    }

    /** The attribute with this code. */
    public Optional<CategoryAttribute> attribute(String attributeCode) {
        return attributes.stream().filter(a -> a.code().equals(attributeCode)).findFirst();
    }
}
