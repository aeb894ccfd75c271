package org.gongzhi.core.keycloak.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.gongzhi.core.service.tenants.IdentityProvisioning;
import org.gongzhi.core.service.tenants.ProvisioningReport;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.tenant.PersonDefinition;
import org.gongzhi.core.tenant.TenantDefinition;
import org.gongzhi.core.testing.FakeTenantDirectory;
import org.junit.Test;
import org.keycloak.representations.idm.RealmRepresentation;

/** The start-up job: city first, then every district; waits for Keycloak with back-off. */
public class StartupProvisioningTest {

    private final IdentityReadiness readiness = new IdentityReadiness();

    private static final Duration QUICK = Duration.ofMillis(20);

    @Test
    public void provisionsTheCityAndEveryDistrictOnceKeycloakAnswers() throws Exception {
        TenantDefinition a = DemoTenants.copy("jizhou", DemoTenants.freshId("jz"));
        TenantDefinition b = DemoTenants.copy("donghu", DemoTenants.freshId("dh"));
        AtomicInteger failuresLeft = new AtomicInteger(3);
        Recording provisioning = new Recording(realm -> {
            if (failuresLeft.getAndDecrement() > 0) {
                throw KeycloakFailure.translate("testing", "http://127.0.0.1:1",
                        new jakarta.ws.rs.ProcessingException(new java.net.ConnectException("Connection refused")));
            }
            return null;
        });
        StartupProvisioning job = new StartupProvisioning(provisioning, directory(a, b), readiness, settings(true, Duration.ofSeconds(30)),
                QUICK, QUICK);
        assertThat(job.awaitDone(Duration.ofSeconds(30))).isTrue();
        assertThat(provisioning.calls).as("three failed attempts, then each realm once").hasSize(6)
                .containsOnly("gongzhi-city", a.id(), b.id());
        assertThat(provisioning.cityAdmins).extracting(PersonDefinition::username).containsExactly("city-admin", "screen",
                "city-dispatcher");
        assertThat(provisioning.enabledCalls).containsExactlyInAnyOrder(a.id() + "=true", b.id() + "=true");
        assertThat(readiness.ready()).as("sign-in ready once every realm is provisioned").isTrue();
    }

    @Test
    public void aSuspendedDistrictsRealmIsDisabled() throws Exception {
        TenantDefinition a = DemoTenants.copy("jizhou", DemoTenants.freshId("jz"));
        TenantDefinition b = DemoTenants.copy("donghu", DemoTenants.freshId("dh"));
        Recording provisioning = new Recording(realm -> null);
        StartupProvisioning job = new StartupProvisioning(provisioning, directory(Set.of(b.id()), a, b), readiness,
                settings(true, Duration.ofSeconds(30)), QUICK, QUICK);
        assertThat(job.awaitDone(Duration.ofSeconds(30))).isTrue();
        assertThat(provisioning.calls).containsExactlyInAnyOrder("gongzhi-city", a.id(), b.id());
        assertThat(provisioning.enabledCalls).containsExactlyInAnyOrder(a.id() + "=true", b.id() + "=false");
    }

    @Test
    public void givesUpWhenKeycloakStaysAway() throws Exception {
        TenantDefinition a = DemoTenants.copy("jizhou", DemoTenants.freshId("jz"));
        Recording provisioning = new Recording(realm -> {
            throw KeycloakFailure.status("testing", "http://127.0.0.1:1", 503, null, null);
        });
        StartupProvisioning job = new StartupProvisioning(provisioning, directory(a), readiness, settings(true, Duration.ofMillis(300)),
                QUICK, QUICK);
        assertThat(job.awaitDone(Duration.ofSeconds(30))).isTrue();
        assertThat(provisioning.calls).contains("gongzhi-city", a.id()).containsOnly("gongzhi-city", a.id());
        assertThat(readiness.ready()).as("health stays 503 without realms").isFalse();
    }

    @Test
    public void aRefusalSkipsOnlyThatRealm() throws Exception {
        TenantDefinition a = DemoTenants.copy("jizhou", DemoTenants.freshId("jz"));
        TenantDefinition b = DemoTenants.copy("jiangbei", DemoTenants.freshId("jb"));
        Recording provisioning = new Recording(realm -> {
            if (realm.equals(a.id())) {
                throw KeycloakFailure.status("testing", "http://127.0.0.1:1", 400, "{\"error\":\"bad\"}", null);
            }
            return null;
        });
        StartupProvisioning job = new StartupProvisioning(provisioning, directory(a, b), readiness, settings(true, Duration.ofSeconds(30)),
                QUICK, QUICK);
        assertThat(job.awaitDone(Duration.ofSeconds(30))).isTrue();
        assertThat(provisioning.calls).containsExactlyInAnyOrder("gongzhi-city", a.id(), b.id());
        assertThat(readiness.ready()).as("a refused realm: sign-in not ready").isFalse();
    }

    @Test
    public void doesNothingWhenNotAskedTo() throws Exception {
        Recording provisioning = new Recording(realm -> null);
        StartupProvisioning job = new StartupProvisioning(provisioning, directory(), readiness, settings(false, Duration.ofSeconds(1)),
                QUICK, QUICK);
        assertThat(job.awaitDone(Duration.ofSeconds(5))).isTrue();
        assertThat(provisioning.calls).isEmpty();
        assertThat(readiness.ready()).as("nothing to wait for").isTrue();
    }

    @Test
    public void stopsWhenDeactivatedWhileWaiting() throws Exception {
        Recording provisioning = new Recording(realm -> {
            throw KeycloakFailure.status("testing", "http://127.0.0.1:1", 503, null, null);
        });
        StartupProvisioning job = new StartupProvisioning(provisioning, directory(), readiness, settings(true, Duration.ofMinutes(5)),
                Duration.ofSeconds(1), Duration.ofSeconds(30));
        long start = System.nanoTime();
        job.deactivate();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    public void provisionsARealKeycloak() throws Exception {
        TestKeycloak keycloak = TestKeycloak.get();
        TenantDefinition district = DemoTenants.copy("jiangbei", DemoTenants.freshId("jb"));
        KeycloakProvisioning provisioning = keycloak.provisioning();
        try {
            StartupProvisioning job = new StartupProvisioning(provisioning, directory(district), readiness,
                    keycloakSettings(keycloak), QUICK, QUICK);
            assertThat(job.awaitDone(Duration.ofMinutes(2))).isTrue();
            assertThat(keycloak.admin().realms().findAll()).extracting(RealmRepresentation::getRealm)
                    .contains("gongzhi-city", district.id());
            assertThat(keycloak.tokens().password(district.id(), "gongzhi-web", district.people().get(0).username(),
                    DemoTenants.DEMO_PASSWORD).ok()).isTrue();
        } finally {
            provisioning.removeDistrict(district.id());
            provisioning.close();
        }
    }

    private static ProvisioningSettings keycloakSettings(TestKeycloak keycloak) {
        ProvisioningSettings s = keycloak.settings();
        return new ProvisioningSettings(s.keycloakUrl(), s.adminRealm(), s.adminClientId(), s.adminUser(),
                s.adminPassword(), null, s.publicClientRedirectUris(), true, s.tenantsDirectory(), Duration.ofSeconds(30));
    }

    private static ProvisioningSettings settings(boolean atStart, Duration wait) {
        return new ProvisioningSettings("http://127.0.0.1:1", "master", "admin-cli", "admin", "x", null,
                TestKeycloak.REDIRECT_URIS, atStart, DemoTenants.source(), wait);
    }

    private static TenantDirectory directory(TenantDefinition... tenants) {
        return directory(Set.of(), tenants);
    }

    private static TenantDirectory directory(Set<String> suspended, TenantDefinition... tenants) {
        FakeTenantDirectory directory = FakeTenantDirectory.of(tenants);
        suspended.forEach(directory::suspend);
        return directory;
    }

    /** Records the realms asked for; {@code behaviour} may throw. */
    private static final class Recording implements IdentityProvisioning {
        final List<String> calls = Collections.synchronizedList(new ArrayList<>());
        final List<String> enabledCalls = Collections.synchronizedList(new ArrayList<>());
        volatile List<PersonDefinition> cityAdmins;
        private final Function<String, Void> behaviour;

        Recording(Function<String, Void> behaviour) {
            this.behaviour = behaviour;
        }

        @Override
        public ProvisioningReport provisionDistrict(TenantDefinition tenant) {
            return run(tenant.id());
        }

        @Override
        public ProvisioningReport provisionCity(List<PersonDefinition> admins) {
            cityAdmins = admins;
            return run(CITY_REALM);
        }

        private ProvisioningReport run(String realm) {
            calls.add(realm);
            behaviour.apply(realm);
            return new ProvisioningReport(realm, List.of(), Duration.ofMillis(1));
        }

        @Override
        public void setDistrictEnabled(String tenantId, boolean enabled) {
            enabledCalls.add(tenantId + "=" + enabled);
        }

        @Override
        public boolean removeDistrict(String tenantId) {
            return false;
        }
    }
}
