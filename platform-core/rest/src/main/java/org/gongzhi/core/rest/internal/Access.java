package org.gongzhi.core.rest.internal;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.gongzhi.core.identity.Caller;
import org.gongzhi.core.service.NotFoundException;
import org.gongzhi.core.service.cases.CaseScope;
import org.gongzhi.core.service.cases.TransitionCommand;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.service.tenants.TenantStatus;
import org.gongzhi.core.tenant.Role;

/**
 * Who may do what, asked by the resources. A district's data is only ever reachable with a token
 * of that district (or, where a method allows it, of the city): a request for another district
 * answers exactly as for one that does not exist (404). Inside the right district, a missing role
 * is a 403.
 */
final class Access {

    /** Tenant id of the city realm's callers. */
    static final String CITY = "city";

    private Access() {
    }

    /** The verified caller; the seam guarantees one on every non-public path. */
    static Caller caller(SecurityContext security) {
        if (security instanceof AuthenticationSeam.Verified v) {
            return v.caller();
        }
        throw new NotAuthenticatedException();
    }

    /**
     * The caller's name for journals: the user name (a service account's is service-account-…); a
     * city dispatcher's is {@code city:<user name>}, so a take-over never passes for a district's own step.
     */
    static String actor(SecurityContext security) {
        Caller c = caller(security);
        String name = c.username() != null ? c.username() : c.subject();
        return isCityDispatcher(c) ? TransitionCommand.CITY_ACTOR_PREFIX + name : name;
    }

    /**
     * The caller's roles that Gongzhi knows and the caller's realm may grant: the city roles
     * ({@code city-admin}, {@code city-dispatcher}, {@code screen-viewer}) from the city realm, the
     * district roles only from a district's realm.
     */
    static Set<Role> roles(Caller c) {
        Set<Role> allowed = CITY.equals(c.tenantId()) ? Role.cityRoles() : Role.districtRoles();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        c.roles().forEach(r -> Role.fromId(r).filter(allowed::contains).ifPresent(roles::add));
        return roles;
    }

    /** Whether the caller is the city centre's dispatcher (市级调度员), who may take over any district's case. */
    static boolean isCityDispatcher(Caller c) {
        return roles(c).contains(Role.CITY_DISPATCHER);
    }

    /** Whether the caller is a city administrator. */
    static boolean isCityAdmin(Caller c) {
        return roles(c).contains(Role.CITY_ADMIN);
    }

    /**
     * The caller, acting on district {@code tenant} with one of {@code allowed}. A city
     * administrator passes if {@link Role#CITY_ADMIN} is allowed, a city dispatcher if
     * {@link Role#CITY_DISPATCHER} is.
     *
     * @throws NotFoundException      for an unknown district or one the caller does not belong to
     * @throws AccessDeniedException  when the caller holds none of the roles
     * @throws TenantSuspendedException when the district is suspended
     */
    static Caller district(SecurityContext security, TenantDirectory tenants, String tenant, Role... allowed) {
        Caller c = caller(security);
        Set<Role> roles = roles(c);
        boolean city = roles.contains(Role.CITY_ADMIN) || roles.contains(Role.CITY_DISPATCHER);
        if (!city && !c.tenantId().equals(tenant)) {
            throw new NotFoundException("租户不存在 (no such tenant): " + tenant);
        }
        TenantStatus status = tenants.status(tenant)
                .orElseThrow(() -> new NotFoundException("租户不存在 (no such tenant): " + tenant));
        if (Arrays.stream(allowed).noneMatch(roles::contains)) {
            throw new AccessDeniedException("该操作需要以下角色之一 (requires one of the roles): "
                    + Arrays.stream(allowed).map(r -> r.label() + " " + r.id()).collect(Collectors.joining(", ")));
        }
        if (status == TenantStatus.SUSPENDED) {
            throw new TenantSuspendedException(tenant);
        }
        return c;
    }

    /** A city administrator. */
    static Caller city(SecurityContext security) {
        Caller c = caller(security);
        if (!isCityAdmin(c)) {
            throw new AccessDeniedException("该操作需要市级管理员角色 (requires the city-admin role)");
        }
        return c;
    }

    /** A caller of the city realm who may watch the city's figures: a city administrator or a city wall screen. */
    static Caller cityViewer(SecurityContext security) {
        Caller c = caller(security);
        if (!CITY.equals(c.tenantId()) || roles(c).isEmpty()) {
            throw new AccessDeniedException("该操作需要市级管理员或大屏观看角色 (requires the city-admin or a city screen-viewer role)");
        }
        return c;
    }

    /** Any verified caller. */
    static Caller anyone(SecurityContext security) {
        return caller(security);
    }

    /**
     * The cases a district caller may see: the whole district for administrators, district-centre
     * dispatchers, mediators, social workers and the city dispatcher; otherwise the union of their
     * grids' subtrees (grid workers, and the dispatchers of a street/town or community/village
     * centre, whose token carries the centre's grid), their department's dispatched cases
     * (department handlers) and their own reports (residents).
     */
    static CaseScope scope(Caller c) {
        Set<Role> roles = roles(c);
        boolean districtCentre = roles.contains(Role.DISPATCHER) && c.grids().isEmpty();
        if (roles.contains(Role.DISTRICT_ADMIN) || districtCentre || roles.contains(Role.MEDIATOR)
                || roles.contains(Role.SOCIAL_WORKER) || roles.contains(Role.CITY_DISPATCHER)) {
            return CaseScope.district();
        }
        CaseScope scope = CaseScope.nothing();
        if (roles.contains(Role.GRID_WORKER) || roles.contains(Role.DISPATCHER)) {
            scope = scope.withGrids(c.grids());
        }
        if (roles.contains(Role.DEPARTMENT_HANDLER) && c.department() != null) {
            scope = scope.withDepartment(c.department());
        }
        if (roles.contains(Role.RESIDENT)) {
            scope = scope.withReporter(c.subject());
        }
        return scope;
    }

    /**
     * {@link #district} for the district's own machinery (the dispatch and notification outboxes): a street or
     * community centre's dispatcher, who works in an area of the district, is refused.
     *
     * @throws AccessDeniedException for a centre's dispatcher, besides {@link #district}'s failures
     */
    static Caller districtCentre(SecurityContext security, TenantDirectory tenants, String tenant, Role... allowed) {
        Caller c = district(security, tenants, tenant, allowed);
        if (!isCityAdmin(c) && !scope(c).wholeDistrict()) {
            throw new AccessDeniedException("发件箱由区中心管理，街道、社区中心不能查看 (the outboxes are the district"
                    + " centre's; a street or community centre cannot see them)");
        }
        return c;
    }

    /** An area no grid code names: the figures of no case. */
    private static final Set<String> NOWHERE = Set.of("-");

    /**
     * The grid nodes whose subtrees a caller's district figures cover: none, meaning the whole district, for a
     * caller who sees the whole district and for the city's administrators; the caller's own grids for a street or
     * community centre's dispatcher (or a grid worker); for anyone else an area of no case.
     */
    static Set<String> area(Caller c) {
        if (scope(c).wholeDistrict() || isCityAdmin(c)) {
            return Set.of();
        }
        return c.grids().isEmpty() ? NOWHERE : c.grids();
    }

    static Response suspended(String tenant) {
        return Problem.response(403, "tenant-suspended", "该区已暂停服务 (district suspended)",
                "租户 " + tenant + " 已被市级管理员暂停，数据仍保留 (district " + tenant
                        + " has been suspended by the city administrator; its data is kept)", null);
    }

    /** 401: no verified caller reached a resource (the seam was not in place yet). */
    static final class NotAuthenticatedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotAuthenticatedException() {
            super("no verified caller");
        }
    }

    /** 403: the caller is who they say, but may not do this. */
    static final class AccessDeniedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AccessDeniedException(String message) {
            super(message);
        }
    }

    /** 403: the district is suspended. */
    static final class TenantSuspendedException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String tenant;

        TenantSuspendedException(String tenant) {
            super("district suspended: " + tenant);
            this.tenant = tenant;
        }

        String tenant() {
            return tenant;
        }
    }
}
