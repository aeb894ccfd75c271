package org.gongzhi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.awaitility.Awaitility;
import org.junit.Test;
import org.ops4j.pax.exam.Option;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The demo history (off in every other test): switched on with a small size, it fills the three
 * demo districts through the real closed loop, and the API shows it like any other past.
 */
public class DemoHistoryTest extends PlatformTestSupport {

    private static final List<String> DISTRICTS = List.of("jizhou", "donghu", "jiangbei");

    @Override
    protected Option[] extraOptions(int httpPort, String keycloakUrl) {
        return new Option[] {
                editConfigurationFilePut("etc/org.gongzhi.demohistory.cfg", "enabled", "true"),
                editConfigurationFilePut("etc/org.gongzhi.demohistory.cfg", "cases", "120")};
    }

    @Test
    public void theDemoDistrictsHaveAPast() throws Exception {
        for (String district : DISTRICTS) {
            String base = "/api/v1/tenants/" + district;
            // evaluation is the last step of a case: once one is there, its journal is complete
            Awaitility.await(district + " history written").atMost(Duration.ofSeconds(180))
                    .pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .until(() -> api.get(base + "/cases?status=evaluated&limit=1").body().get("total").asLong() > 0);
            Awaitility.await(district + " history complete").atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .until(() -> statuses(base).size() >= 4);

            Set<String> statuses = statuses(base);
            assertTrue(district + ": " + statuses, statuses.containsAll(Set.of("closed", "evaluated", "rejected")));
            JsonNode evaluated = api.get(base + "/cases?status=evaluated&limit=1").body().get("items").get(0);
            JsonNode reporter = evaluated.path("reporterName");
            assertTrue(evaluated.toString(), reporter.isMissingNode() || reporter.isNull()
                    || reporter.asText().endsWith("（演示）"));
            JsonNode journal = api.get(base + "/cases/" + evaluated.get("id").asText() + "/journal").body();
            List<String> actions = new java.util.ArrayList<>();
            Instant before = Instant.MIN;
            for (JsonNode step : journal) {
                actions.add(step.get("action").asText());
                Instant at = Instant.parse(step.get("at").asText());
                assertTrue(journal.toString(), at.isAfter(before) && at.isBefore(Instant.now()));
                before = at;
            }
            assertTrue(actions.toString(), actions.containsAll(
                    List.of("report", "register", "dispatch", "accept", "feedback", "verify-pass", "close", "evaluate")));
            assertEquals("report", actions.get(0));
            assertEquals("evaluate", actions.get(actions.size() - 1));
            assertTrue(journal.toString(), Instant.parse(journal.get(0).get("at").asText())
                    .isBefore(Instant.now().minus(Duration.ofHours(1))));

            // the writer reports and registers every case first, then takes the later steps: the
            // figures hold once it has finished, which the API does not announce
            String kpiPath = base + "/kpis?from=" + LocalDate.now(ZoneId.of("Asia/Shanghai")).minusMonths(7)
                    + "&to=" + LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1);
            Awaitility.await(district + " figures of a finished history").atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                        JsonNode kpis = api.get(kpiPath).body();
                        assertTrue(kpis.toString(), kpis.get("reported").asLong() >= 40);
                        assertTrue(kpis.toString(), kpis.get("closed").asLong() > 0 && kpis.get("evaluated").asLong() > 0);
                        assertTrue(kpis.toString(), kpis.get("closureRate").asDouble() > 0.5);
                        assertTrue(kpis.toString(), kpis.get("averageSatisfaction").asDouble() >= 3.5);
                    });

            // historical dispatches were settled at their time: nothing waits for delivery now
            assertEquals(0, api.get(base + "/dispatches?state=pending").body().get("total").asLong());
            JsonNode delivered = api.get(base + "/dispatches?state=delivered&limit=200").body();
            delivered.get("items").forEach(d -> assertEquals(d.toString(), "demo-history", d.get("receipt").asText()));
        }
    }

    private Set<String> statuses(String base) throws Exception {
        Set<String> seen = new HashSet<>();
        for (JsonNode c : api.get(base + "/cases?limit=200").body().get("items")) {
            seen.add(c.get("status").asText());
        }
        for (String s : List.of("rejected", "closed", "evaluated")) {
            if (api.get(base + "/cases?status=" + s + "&limit=1").body().get("total").asLong() > 0) {
                seen.add(s);
            }
        }
        return seen;
    }
}
