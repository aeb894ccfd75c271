package org.gongzhi.core.keycloak.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.gongzhi.core.service.tenants.ProvisioningReport;
import org.gongzhi.core.tenant.TenantDefinition;

/**
 * How long provisioning takes: N fresh districts (copies of 吉州: realm, 7 roles, the public
 * client, 19 department clients with service accounts, 10 people), each provisioned new and then
 * re-run (nothing to do), after one unmeasured warm-up district; the realms are deleted afterwards.
 *
 * <pre>
 * mvn test-compile exec:exec@bench [-Dbench.runs=10]                    # against LocalKeycloak.shared()
 * mvn test-compile exec:exec@bench -Dbench.url=http://127.0.0.1:18080 -Dbench.user=admin -Dbench.password=…
 * </pre>
 */
public final class ProvisioningBenchmark {

    private ProvisioningBenchmark() {
    }

    public static void main(String[] args) {
        int runs = Integer.parseInt(System.getProperty("bench.runs", "5").strip());
        String url = System.getProperty("bench.url", "").strip();
        if (!url.isEmpty()) {
            System.setProperty("gongzhi.test.keycloakUrl", url);
            System.setProperty("gongzhi.test.adminUser", System.getProperty("bench.user", "admin").strip());
            System.setProperty("gongzhi.test.adminPassword", System.getProperty("bench.password", "").strip());
        }
        TestKeycloak keycloak = TestKeycloak.get();
        KeycloakProvisioning provisioning = keycloak.provisioning();
        System.out.printf("Keycloak %s, %d runs after 1 warm-up; district = copy of jizhou%n", keycloak.url, runs);
        List<Long> created = new ArrayList<>();
        List<Long> rerun = new ArrayList<>();
        try {
            for (int i = 0; i <= runs; i++) {
                TenantDefinition district = DemoTenants.copy("jizhou", DemoTenants.freshId("bench"));
                try {
                    ProvisioningReport first = provisioning.provisionDistrict(district);
                    ProvisioningReport second = provisioning.provisionDistrict(district);
                    if (!second.created().isEmpty()) {
                        throw new IllegalStateException("the re-run created " + second.created());
                    }
                    System.out.printf("%-8s %s: new %6d ms (%d created: %d clients, %d users), re-run %5d ms%n",
                            i == 0 ? "warm-up" : "run " + i, district.id(), first.took().toMillis(),
                            first.created().size(), count(first, "client "), count(first, "user "),
                            second.took().toMillis());
                    if (i > 0) {
                        created.add(first.took().toMillis());
                        rerun.add(second.took().toMillis());
                    }
                } finally {
                    provisioning.removeDistrict(district.id());
                }
            }
        } finally {
            provisioning.close();
        }
        System.out.println(summary("new district", created));
        System.out.println(summary("re-run     ", rerun));
        System.exit(0);
    }

    private static long count(ProvisioningReport report, String prefix) {
        return report.created().stream()
                .filter(s -> s.startsWith(prefix) && !s.startsWith("client scope") && !s.startsWith("user profile"))
                .count();
    }

    private static String summary(String what, List<Long> millis) {
        List<Long> sorted = millis.stream().sorted().toList();
        long median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        return String.format(Locale.ROOT, "%s  min %6d ms   median %6d ms   max %6d ms   (n=%d)", what,
                sorted.get(0), median, sorted.get(sorted.size() - 1), sorted.size());
    }
}
