package org.gongzhi.core.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;

import org.gongzhi.core.casework.CaseAction;
import org.gongzhi.core.casework.Channel;
import org.gongzhi.core.identity.Caller;
import org.gongzhi.core.service.cases.CaseScope;
import org.gongzhi.core.tenant.Role;
import org.junit.Test;

/** The role policy: which cases each caller sees, which steps and channels each role has. */
public class AccessTest {

    private static Caller caller(String department, Set<String> grids, String... roles) {
        return new Caller("jizhou", "sub-1", "someone", Set.of(roles), "gongzhi-web", department, grids);
    }

    @Test
    public void theCentreSeesTheWholeDistrict() {
        assertThat(Access.scope(caller(null, Set.of(), "dispatcher"))).isEqualTo(CaseScope.district());
        assertThat(Access.scope(caller(null, Set.of(), "district-admin")).wholeDistrict()).isTrue();
        assertThat(Access.scope(caller(null, Set.of(), "mediator")).wholeDistrict()).isTrue();
    }

    @Test
    public void othersSeeTheUnionOfTheirGridsDepartmentAndOwnReports() {
        CaseScope worker = Access.scope(caller(null, Set.of("360802001001001"), "grid-worker"));
        assertThat(worker.wholeDistrict()).isFalse();
        assertThat(worker.grids()).containsExactly("360802001001001");
        assertThat(worker.department()).isNull();

        CaseScope handler = Access.scope(caller("CG", Set.of(), "department-handler"));
        assertThat(handler.department()).isEqualTo("CG");
        assertThat(handler.grids()).isEmpty();

        CaseScope resident = Access.scope(caller(null, Set.of(), "resident"));
        assertThat(resident.reporterSubject()).isEqualTo("sub-1");
        assertThat(resident.department()).isNull();

        CaseScope both = Access.scope(caller("CG", Set.of("360802001001001"), "grid-worker", "department-handler"));
        assertThat(both.department()).isEqualTo("CG");
        assertThat(both.grids()).hasSize(1);
    }

    @Test
    public void aHandlerWithoutDepartmentAndUnknownRolesSeeNothing() {
        assertThat(Access.scope(caller(null, Set.of(), "department-handler")).isEmpty()).isTrue();
        assertThat(Access.scope(caller(null, Set.of(), "offline_access", "uma_authorization")).isEmpty()).isTrue();
        assertThat(Access.scope(caller(null, Set.of(), "city-admin")).isEmpty()).isTrue();
    }

    @Test
    public void stepsAndChannelsFollowTheRole() {
        assertThat(CasePermissions.steps(EnumSet.of(Role.DISPATCHER))).containsExactlyInAnyOrder(CaseAction.values());
        assertThat(CasePermissions.steps(EnumSet.of(Role.GRID_WORKER)))
                .containsExactlyInAnyOrder(CaseAction.ACCEPT, CaseAction.RETURN, CaseAction.FEEDBACK,
                        CaseAction.PROGRESS);
        assertThat(CasePermissions.steps(EnumSet.of(Role.RESIDENT))).containsExactly(CaseAction.EVALUATE);
        assertThat(CasePermissions.steps(EnumSet.of(Role.MEDIATOR, Role.SOCIAL_WORKER))).isEmpty();
        assertThat(CasePermissions.steps(EnumSet.of(Role.CITY_ADMIN))).isEmpty();

        assertThat(CasePermissions.channels(EnumSet.of(Role.RESIDENT)))
                .containsExactlyInAnyOrder(Channel.RESIDENT_APP, Channel.QR_CODE);
        assertThat(CasePermissions.channels(EnumSet.of(Role.DEPARTMENT_HANDLER))).containsExactly(Channel.DEPARTMENT);
        assertThat(CasePermissions.channels(EnumSet.of(Role.DISTRICT_ADMIN))).containsExactlyInAnyOrder(Channel.values());
    }

    @Test
    public void aStreetOrCommunityCentreDispatcherSeesItsGridSubtree() {
        CaseScope street = Access.scope(caller(null, Set.of("360802001"), "dispatcher"));
        assertThat(street.wholeDistrict()).isFalse();
        assertThat(street.grids()).containsExactly("360802001");
        assertThat(Access.scope(caller(null, Set.of("360802001001"), "dispatcher")).grids())
                .containsExactly("360802001001");
        // a district administrator who also carries a grid still sees the district
        assertThat(Access.scope(caller(null, Set.of("360802001"), "dispatcher", "district-admin")).wholeDistrict())
                .isTrue();
        assertThat(CasePermissions.steps(Access.roles(caller(null, Set.of("360802001"), "dispatcher"))))
                .containsExactlyInAnyOrder(CaseAction.values());
    }

    @Test
    public void theCityDispatcherHoldsItsRoleOnlyFromTheCityRealm() {
        Caller city = new Caller(Access.CITY, "sub-c", "city-dispatcher", Set.of("city-dispatcher"), "gongzhi-web",
                null, Set.of());
        assertThat(Access.roles(city)).containsExactly(Role.CITY_DISPATCHER);
        assertThat(Access.isCityDispatcher(city)).isTrue();
        assertThat(Access.scope(city)).isEqualTo(CaseScope.district());
        assertThat(CasePermissions.steps(Access.roles(city))).containsExactlyInAnyOrder(CaseAction.values());
        assertThat(CasePermissions.READERS).contains(Role.CITY_DISPATCHER);
        assertThat(CasePermissions.REPORTERS).doesNotContain(Role.CITY_DISPATCHER);

        Caller forged = caller(null, Set.of(), "city-dispatcher");
        assertThat(Access.roles(forged)).isEmpty();
        assertThat(Access.isCityDispatcher(forged)).isFalse();
        assertThat(Access.scope(forged).isEmpty()).isTrue();
    }

    @Test
    public void onlyHealthAndTheDocumentArePublic() {
        assertThat(AuthenticationSeam.isPublic("api/v1/health")).isTrue();
        assertThat(AuthenticationSeam.isPublic("/api/v1/health/")).isTrue();
        assertThat(AuthenticationSeam.isPublic("api/v1/openapi.yaml")).isTrue();
        assertThat(AuthenticationSeam.isPublic("api/v1/healthz")).isFalse();
        assertThat(AuthenticationSeam.isPublic("api/v1/tenants")).isFalse();
        assertThat(AuthenticationSeam.isPublic("api/v1/health/../tenants")).isFalse();
    }
}
