package org.gongzhi.core.keycloak.internal;

import java.util.List;
import java.util.Set;

import org.gongzhi.core.service.tenants.IdentityProvisioning;
import org.gongzhi.core.tenant.DepartmentDefinition;
import org.gongzhi.core.tenant.PersonDefinition;
import org.gongzhi.core.tenant.Role;
import org.gongzhi.core.tenant.TenantDefinition;

/**
 * What one realm must contain: a district's (from its definition) or the city's.
 *
 * @param realm         realm name: the tenant id, or {@value IdentityProvisioning#CITY_REALM}
 * @param displayName   Chinese display name
 * @param englishName   English name shown beside it on the login page, may be null
 * @param roles         realm roles
 * @param departments   one confidential client each
 * @param people        accounts
 */
record RealmPlan(String realm, String displayName, String englishName, Set<Role> roles,
                 List<DepartmentDefinition> departments, List<PersonDefinition> people) {

    /** Realms this bundle never provisions, enables, disables or deletes as a district. */
    static final Set<String> NOT_DISTRICTS = Set.of("master", IdentityProvisioning.CITY_REALM);

    RealmPlan {
        roles = Set.copyOf(roles);
        departments = List.copyOf(departments);
        people = List.copyOf(people);
    }

    static RealmPlan district(TenantDefinition t) {
        requireDistrict(t.id());
        String english = t.nameEn() == null ? null
                : t.nameEn() + (t.cityEn() == null ? "" : ", " + t.cityEn());
        return new RealmPlan(t.id(), t.name(), english, Role.districtRoles(), t.departments(), t.people());
    }

    /** The city realm: roles {@code city-admin}, {@code city-dispatcher} and {@code screen-viewer}; each account holds one of them. */
    static RealmPlan city(List<PersonDefinition> cityPeople) {
        for (PersonDefinition p : cityPeople) {
            if (p.roles().size() != 1 || !Role.cityRoles().contains(p.roles().get(0))) {
                throw new IllegalArgumentException("city account " + p.username()
                        + " must hold one role: city-admin, city-dispatcher or screen-viewer");
            }
        }
        return new RealmPlan(IdentityProvisioning.CITY_REALM, "共治平台 · 市级", "Gongzhi city administration",
                Role.cityRoles(), List.of(), cityPeople);
    }

    /** Refuses {@code master} and the city realm as a district's realm. */
    static String requireDistrict(String tenantId) {
        if (tenantId == null || NOT_DISTRICTS.contains(tenantId)) {
            throw new IllegalArgumentException("不是区县租户 (not a district tenant): " + tenantId);
        }
        return tenantId;
    }
}
