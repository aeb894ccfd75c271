package org.gongzhi.plugin.api;

import java.util.Objects;

/**
 * One functional department (职能部门) of a district, as {@link DistrictFacts} gives it to plugins.
 *
 * @param code   the department's code, its id in dispatches and on cases, e.g. {@code CG}
 * @param name   Chinese name, e.g. 区城管局
 * @param nameEn English name, may be null
 * @param kind   e.g. {@code CITY_MANAGEMENT}, {@code PUBLIC_SECURITY}, {@code STREET_OFFICE}
 * @since 1.3
 */
public record DistrictDepartment(String code, String name, String nameEn, String kind) {
    public DistrictDepartment {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }
}
