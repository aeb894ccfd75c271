package org.gongzhi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.gongzhi.caseloader.CaseLoader;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The big screens' figures over HTTP (JUnit 4, <b>test JVM</b>): the distribution booted once
 * ({@link BootedPlatform}), Jizhou filled with 10,000 cases of the last 12 months by the bulk loader
 * ({@code gongzhi-case-loader}), then read as the wall screens read them:
 * <ul>
 * <li>the loader's cases show up in the counts (open, overdue, the trend against the database);</li>
 * <li>the month, the trend and the departments equal what the KPI API answers for the same periods;</li>
 * <li>who may read: district administrators, dispatchers and screen viewers of the district; another
 * district's token 404, a grid worker or a department handler 403; the city's screen for the city
 * administrator and the city's screen viewer, not for a district's people;</li>
 * <li>a case reported afterwards gets the next case number and is on the screen within the cache's 5 s.</li>
 * </ul>
 * Needs the live events ({@code CaseEvents}) and the operating modes ({@code DistrictModes}) of the same
 * distribution: the screen resource takes both.
 */
public class ScreenFiguresTest {

    private static final String SCREEN = "/api/v1/tenants/jizhou/screen";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static BootedPlatform platform;
    private static Api api;

    @BeforeClass
    public static void boot() throws Exception {
        platform = BootedPlatform.start("screen-figures");
        api = platform.api();
        CaseLoader.Loaded loaded = platform.loadCases("jizhou", 10_000, 365);
        assertEquals(10_000, loaded.cases());
        assertTrue("10,000 cases loaded in " + loaded.took(), loaded.took().compareTo(Duration.ofSeconds(60)) < 0);
        ScreenViewers.create("jizhou", "jz-wall");
        ScreenViewers.create("gongzhi-city", "city-wall");
    }

    @AfterClass
    public static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    public void theLoadersCasesShowUpInTheCounts() throws Exception {
        Awaitility.await("the screen shows the loaded cases").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofSeconds(1)).ignoreExceptions().untilAsserted(() -> {
                    JsonNode screen = screen();
                    Map<String, Long> db = counts();
                    assertEquals(db.get("open").longValue(), screen.get("open").asLong());
                    assertEquals(db.get("overdue").longValue(), screen.get("overdue").asLong());
                    long trend = 0;
                    for (JsonNode m : screen.get("trend")) {
                        trend += m.get("reported").asLong();
                    }
                    assertEquals(db.get("twelveMonths").longValue(), trend);
                });
        JsonNode screen = screen();
        assertTrue("most of the 10,000 are in the 12 months", screen.get("trend").get(11).get("reported").asLong() > 0);
        assertEquals(12, screen.get("trend").size());
        assertEquals(YearMonth.now(SHANGHAI).toString(), screen.get("month").get("period").asText());
        assertEquals(3, screen.get("families").size());
        assertTrue(screen.get("departments").size() > 3);
        assertTrue(screen.get("grids").get("top").size() > 0);
        long streets = 0;
        for (String street : List.of("360802001", "360802002")) {
            streets += screen.get("openByGrid").path(street).asLong();
        }
        assertTrue("open cases rolled up to the streets", streets > 0);
        assertEquals(180, screen.get("dispatchToday").get("targetSeconds").asInt());
        assertEquals("normal", screen.get("mode").get("mode").asText());
        assertNotNull(screen.get("recent"));
    }

    @Test
    public void theMonthTheTrendAndTheDepartmentsEqualTheKpiApi() {
        LocalDate first = YearMonth.now(SHANGHAI).minusMonths(11).atDay(1);
        LocalDate next = YearMonth.now(SHANGHAI).plusMonths(1).atDay(1);
        // the screen may be up to 5 s older than the KPI answer: compare until both describe the same cases
        Awaitility.await("the screen equals the KPI API").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> {
                    JsonNode screen = screen();
                    JsonNode kpis = api.as("jz-dispatcher").get("/api/v1/tenants/jizhou/kpis").body();
                    JsonNode month = screen.get("month");
                    assertEquals(kpis.get("dueToClose").asLong(), month.get("due").asLong());
                    assertEquals(kpis.get("closed").asLong(), month.get("closed").asLong());
                    assertEquals(kpis.get("closedOnTime").asLong(), month.get("closedOnTime").asLong());
                    assertEquals(kpis.path("closureRate").asDouble(-1), month.path("closureRate").asDouble(-1), 1e-12);
                    assertEquals(kpis.path("onTimeClosureRate").asDouble(-1), month.path("onTimeRate").asDouble(-1), 1e-12);
                    assertEquals(kpis.path("averageSatisfaction").asDouble(-1), month.path("satisfaction").asDouble(-1), 1e-12);
                    assertEquals(kpis.get("pendingNow").asLong(), screen.get("open").asLong());
                    assertEquals(kpis.get("overdueNow").asLong(), screen.get("overdue").asLong());

                    JsonNode months = api.as("jz-dispatcher").get("/api/v1/tenants/jizhou/kpis/breakdown?dimension=month&from="
                            + first + "&to=" + next).body().get("rows");
                    for (int i = 0; i < 12; i++) {
                        JsonNode t = screen.get("trend").get(i);
                        JsonNode k = months.get(i);
                        assertEquals(k.get("key").asText(), t.get("month").asText());
                        assertEquals(k.get("figures").get("reported").asLong(), t.get("reported").asLong());
                        assertEquals(k.get("figures").get("closed").asLong(), t.get("closed").asLong());
                        assertEquals(k.get("figures").path("closureRate").asDouble(-1), t.path("closureRate").asDouble(-1), 1e-12);
                    }

                    Map<String, JsonNode> departments = new HashMap<>();
                    api.as("jz-dispatcher").get("/api/v1/tenants/jizhou/kpis/breakdown?dimension=department").body().get("rows")
                            .forEach(r -> departments.put(r.path("key").asText(null), r.get("figures")));
                    for (JsonNode d : screen.get("departments")) {
                        JsonNode k = departments.get(d.get("code").asText());
                        assertEquals(k.get("pendingNow").asLong(), d.get("open").asLong());
                        assertEquals(k.get("overdueNow").asLong(), d.get("overdue").asLong());
                        assertEquals(k.path("onTimeClosureRate").asDouble(-1), d.path("onTimeRate").asDouble(-1), 1e-12);
                    }
                });
    }

    @Test
    public void theDistrictsScreenIsForItsCentreAndItsWallsOnly() throws Exception {
        assertEquals(200, api.as("jz-admin").get(SCREEN).status());
        assertEquals(200, api.as("jz-wall").get(SCREEN).status());
        assertEquals("another district's token: as if Jizhou did not exist", 404, api.as("dh-dispatcher").get(SCREEN).status());
        assertEquals(404, api.as("dh-dispatcher").get("/api/v1/tenants/nowhere/screen").status());
        Api.Reply worker = api.as("jz-grid1").get(SCREEN);
        assertEquals(403, worker.status());
        assertTrue(worker.contentType(), worker.contentType().startsWith("application/problem+json"));
        assertEquals(403, api.as("jz-cg").get(SCREEN).status());
        assertEquals(403, api.as("city-admin").get(SCREEN).status());
        assertEquals(401, api.anonymous().get(SCREEN).status());
    }

    @Test
    public void theCitysScreenIsForTheCityOnly() throws Exception {
        Api.Reply city = api.as("city-admin").get("/api/v1/city/screen");
        assertEquals(200, city.status());
        JsonNode jizhou = null;
        long open = 0;
        for (JsonNode d : city.body().get("districts")) {
            open += d.get("open").asLong();
            if (d.get("tenant").asText().equals("jizhou")) {
                jizhou = d;
            }
        }
        assertNotNull(jizhou);
        assertTrue(jizhou.get("open").asLong() > 0);
        assertEquals(open, city.body().get("totals").get("open").asLong());
        assertEquals(200, api.as("city-wall").get("/api/v1/city/screen").status());
        assertEquals(403, api.as("jz-wall").get("/api/v1/city/screen").status());
        assertEquals(403, api.as("jz-admin").get("/api/v1/city/screen").status());
    }

    @Test
    public void aCaseReportedAfterTheLoadGetsTheNextNumberAndIsOnTheScreenWithinFiveSeconds() throws Exception {
        long before = screen().get("today").get("reported").asLong();
        Api.Reply created = api.as("jz-dispatcher").post("/api/v1/tenants/jizhou/cases", """
                {"title":"大屏测试","categoryCode":"CM0101","channel":"hotline","gridCode":"360802001001001"}""");
        assertEquals(201, created.status());
        String number = created.text("number");
        long highestLoaded;
        try (Connection db = platform.database(); Statement s = db.createStatement();
             ResultSet r = s.executeQuery("select max(cast(split_part(case_number, '-', 3) as bigint)) from case_record"
                     + " where tenant_id = 'jizhou' and case_number <> '" + number + "'")) {
            r.next();
            highestLoaded = r.getLong(1);
        }
        assertTrue(number + " after the loaded numbers (" + highestLoaded + ")",
                Long.parseLong(number.substring(number.lastIndexOf('-') + 1)) > highestLoaded);
        Awaitility.await("today's count on the screen").atMost(Duration.ofSeconds(8)).pollInterval(Duration.ofMillis(500))
                .until(() -> screen().get("today").get("reported").asLong() == before + 1);
    }

    private static JsonNode screen() throws Exception {
        Api.Reply r = api.as("jz-dispatcher").get(SCREEN);
        assertEquals(r.body() == null ? "" : r.body().toString(), 200, r.status());
        return r.body();
    }

    /** What the database counts now, as docs/kpis.md defines the figures. */
    private static Map<String, Long> counts() throws SQLException {
        YearMonth first = YearMonth.now(SHANGHAI).minusMonths(11);
        String from = first.atDay(1).atStartOfDay(SHANGHAI).toInstant().toString();
        Map<String, Long> counts = new HashMap<>();
        try (Connection db = platform.database(); Statement s = db.createStatement();
             ResultSet r = s.executeQuery("select"
                     + " count(*) filter (where status not in ('CLOSED', 'EVALUATED', 'REJECTED')),"
                     + " count(*) filter (where status not in ('CLOSED', 'EVALUATED', 'REJECTED', 'POSTPONED') and due_at < now()),"
                     + " count(*) filter (where reported_at >= '" + from + "')"
                     + " from case_record where tenant_id = 'jizhou'")) {
            r.next();
            counts.put("open", r.getLong(1));
            counts.put("overdue", r.getLong(2));
            counts.put("twelveMonths", r.getLong(3));
        }
        return counts;
    }
}
