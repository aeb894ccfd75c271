package org.gongzhi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.After;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The emergency switch (平时/战时, issue 15, seed 004) over HTTP and in the shell: wartime tightens the
 * due time of new cases and switching back restores the normal rule for the next one; only the
 * district's administrator (or the city, for every district) switches; every switch is journaled
 * with who and why; command-post categories are registered at intake and found by the inbox filter.
 */
public class DistrictModeTest extends PlatformTestSupport {

    private static final String JIZHOU = "/api/v1/tenants/jizhou";
    private static final String DONGHU = "/api/v1/tenants/donghu";
    private static final String JIANGBEI = "/api/v1/tenants/jiangbei";
    private static final String CITY_MODE = "/api/v1/city/mode";

    /** Every test starts in normal mode: the city switches back whatever a test left in wartime. */
    @After
    public void backToNormal() throws Exception {
        int status = api.put(CITY_MODE, "{\"mode\":\"normal\",\"reason\":\"测试结束，恢复平时\"}").status();
        assertTrue("city switch back: " + status, status == 200 || status == 409);
    }

    @Test
    public void wartimeChangesTheDueTimeOfANewCaseAndSwitchingBackRestoresIt() throws Exception {
        JsonNode normal = api.get(JIZHOU + "/mode").body();
        assertEquals("normal", normal.get("mode").asText());
        assertEquals("PT30M", normal.at("/plan/limits/simple").asText());
        assertEquals("PT12H", normal.at("/plan/limits/coordination").asText());
        assertEquals("no roster in normal mode", 0, normal.get("roster").size());

        JsonNode before = registered(JIZHOU, "CM0101", "360802001001001");
        assertEquals(Duration.ofHours(2), allowed(before));
        assertFalse(before.get("wartime").asBoolean());

        Api.Reply wartime = switchTo(api, JIZHOU, "wartime", "防汛Ⅱ级应急响应，综治中心转为指挥部");
        assertEquals(wartime.body().toString(), 200, wartime.status());
        assertEquals("wartime", wartime.text("mode"));
        assertEquals("jz-admin", wartime.text("switchedBy"));
        assertEquals("防汛Ⅱ级应急响应，综治中心转为指挥部", wartime.text("reason"));
        JsonNode roster = wartime.body().get("roster");
        assertTrue(roster.toString(), roster.size() >= 3);
        assertTrue(roster.toString(), roster.get(0).has("post") && roster.get(0).has("phone") && roster.get(0).has("from"));
        assertEquals("wartime", api.as("jz-grid1").get(JIZHOU + "/mode").text("mode"));

        JsonNode during = registered(JIZHOU, "CM0101", "360802001001001");
        assertEquals("wartime: the plan's 30 minutes", Duration.ofMinutes(30), allowed(during));
        assertTrue(during.get("wartime").asBoolean());
        JsonNode coordination = registered(JIZHOU, "CM0102", "360802001001001");
        assertEquals(Duration.ofHours(12), allowed(coordination));

        assertEquals(200, switchTo(api, JIZHOU, "normal", "应急响应解除").status());
        JsonNode after = registered(JIZHOU, "CM0101", "360802001001001");
        assertEquals("back to the normal 2 hours", Duration.ofHours(2), allowed(after));
        assertFalse(after.get("wartime").asBoolean());
        JsonNode kept = api.get(JIZHOU + "/cases/" + during.get("id").asText()).body();
        assertEquals("a wartime case keeps its due time", during.get("dueAt").asText(), kept.get("dueAt").asText());
        assertTrue(kept.get("wartime").asBoolean());

        JsonNode history = api.get(JIZHOU + "/mode/history").body();
        List<String> journal = new ArrayList<>();
        history.forEach(h -> journal.add(h.get("mode").asText() + "/" + h.get("switchedBy").asText() + "/" + h.get("reason").asText()));
        assertTrue(journal.toString(), journal.containsAll(List.of("wartime/jz-admin/防汛Ⅱ级应急响应，综治中心转为指挥部",
                "normal/jz-admin/应急响应解除")));
        assertEquals(0, api.get(JIZHOU + "/mode/history?from=2000-01-01&to=2000-01-02").body().size());
    }

    @Test
    public void onlyTheDistrictsAdministratorSwitchesAndBadSwitchesAreRefused() throws Exception {
        Api.Reply dispatcher = switchTo(api.as("jz-dispatcher"), JIZHOU, "wartime", "调度员想切换");
        assertEquals(403, dispatcher.status());
        assertTrue(dispatcher.text("type"), dispatcher.text("type").endsWith("/forbidden"));
        assertEquals(403, switchTo(api.as("city-admin"), JIZHOU, "wartime", "市级在区级接口切换").status());
        assertEquals(403, switchTo(api.as("jz-grid1"), JIZHOU, "wartime", "网格员").status());
        assertEquals("another district's administrator", 404, switchTo(api.as("dh-admin"), JIZHOU, "wartime", "别的区").status());
        assertEquals(403, api.as("jz-admin").put(CITY_MODE, "{\"mode\":\"wartime\",\"reason\":\"区级管理员切全市\"}").status());
        assertEquals(403, api.as("jz-resident1").get(JIZHOU + "/mode").status());

        Api.Reply blank = switchTo(api, JIZHOU, "wartime", "  ");
        assertEquals(400, blank.status());
        assertEquals("reason", blank.text("field"));
        Api.Reply unknown = api.put(JIZHOU + "/mode", "{\"mode\":\"panic\",\"reason\":\"x\"}");
        assertEquals(400, unknown.status());
        assertEquals("mode", unknown.text("field"));
        Api.Reply same = switchTo(api, JIZHOU, "normal", "已是平时");
        assertEquals(409, same.status());
        assertEquals("mode", same.text("field"));
        assertEquals("nothing was switched", "normal", api.get(JIZHOU + "/mode").text("mode"));
    }

    @Test
    public void theCitySwitchHitsEveryDistrictAndTheCommandPostGetsItsCategoriesAtOnce() throws Exception {
        Api.Reply city = api.put(CITY_MODE, "{\"mode\":\"wartime\",\"reason\":\"全市防汛Ⅰ级应急响应\"}");
        assertEquals(city.body().toString(), 200, city.status());
        List<String> switched = new ArrayList<>();
        city.body().get("switched").forEach(s -> switched.add(s.asText()));
        assertTrue(switched.toString(), switched.containsAll(List.of("donghu", "jizhou", "jiangbei")));
        for (String district : List.of(DONGHU, JIZHOU, JIANGBEI)) {
            JsonNode mode = api.get(district + "/mode").body();
            assertEquals(mode.toString(), "wartime", mode.get("mode").asText());
            assertEquals("city-admin", mode.get("switchedBy").asText());
            assertEquals("全市防汛Ⅰ级应急响应", mode.get("reason").asText());
        }
        api.get(CITY_MODE).body().forEach(m -> assertEquals(m.toString(), "wartime", m.get("mode").asText()));
        assertEquals(409, api.put(CITY_MODE, "{\"mode\":\"wartime\",\"reason\":\"再来一次\"}").status());

        // Donghu's plan routes 防灾减灾与突发事件 (CG07) straight to the command post
        Api.Reply flood = api.post(DONGHU + "/cases", caseJson("CG0702", "360102001001001"));
        assertEquals(flood.body().toString(), 201, flood.status());
        assertEquals("registered at intake", "registered", flood.text("status"));
        assertTrue(flood.body().get("commandPost").asBoolean());
        assertEquals(Duration.ofHours(24), allowed(flood.body()));
        JsonNode journal = api.get(DONGHU + "/cases/" + flood.text("id") + "/journal").body();
        assertEquals("command-post", journal.get(1).get("actor").asText());
        Api.Reply rubbish = api.post(DONGHU + "/cases", caseJson("CM0101", "360102001001001"));
        assertEquals("reported", rubbish.text("status"));
        assertFalse(rubbish.body().get("commandPost").asBoolean());
        List<String> commandPost = new ArrayList<>();
        api.as("dh-dispatcher").get(DONGHU + "/cases?commandPost=true&limit=200").body().get("items")
                .forEach(c -> commandPost.add(c.get("id").asText()));
        assertTrue(commandPost.toString(), commandPost.contains(flood.text("id")) && !commandPost.contains(rubbish.text("id")));
        assertEquals(400, api.get(DONGHU + "/cases?commandPost=maybe").status());
        Api.Reply dispatched = api.as("dh-dispatcher").post(DONGHU + "/cases/" + flood.text("id") + "/transitions",
                Map.of("action", "dispatch", "leadDepartment", "YJ"));
        assertEquals("the command post dispatches straight to the department", "dispatched", dispatched.text("status"));

        Api.Reply back = api.put(CITY_MODE, "{\"mode\":\"normal\",\"reason\":\"响应解除\"}");
        assertEquals(200, back.status());
        assertEquals("normal", api.get(DONGHU + "/mode").text("mode"));
        assertEquals("reported", api.post(DONGHU + "/cases", caseJson("CG0702", "360102001001001")).text("status"));
    }

    @Test
    public void operatorsSwitchInTheShellAndTheJournalNamesThem() throws Exception {
        String shown = shell("gongzhi:mode jiangbei");
        assertTrue(shown, shown.contains("平时") && shown.contains("PT1H"));
        String switched = shell("gongzhi:mode jiangbei wartime 嘉陵江 超警戒水位");
        assertTrue(switched, switched.contains("战时") && switched.contains("嘉陵江 超警戒水位"));
        String again = shell("gongzhi:mode jiangbei wartime 再次");
        assertTrue(again, again.contains("冲突"));
        String noReason = shell("gongzhi:mode jiangbei normal");
        assertTrue(noReason, noReason.contains("reason"));
        assertTrue(shell("gongzhi:mode jiangbei normal 水位回落"), shell("gongzhi:mode jiangbei").contains("平时"));
        JsonNode history = api.get(JIANGBEI + "/mode/history").body();
        JsonNode first = history.get(history.size() - 2);
        assertEquals("wartime", first.get("mode").asText());
        assertTrue(first.toString(), first.get("switchedBy").asText().startsWith("shell:"));
    }

    private static Api.Reply switchTo(Api as, String district, String mode, String reason) throws Exception {
        return as.put(district + "/mode", "{\"mode\":\"" + mode + "\",\"reason\":\"" + reason + "\"}");
    }

    private static String caseJson(String category, String grid) {
        return "{\"title\":\"平战转换测试\",\"categoryCode\":\"" + category + "\",\"channel\":\"hotline\",\"gridCode\":\"" + grid + "\"}";
    }

    /** A case reported and registered in {@code district} by its administrator. */
    private JsonNode registered(String district, String category, String grid) throws Exception {
        Api.Reply created = api.post(district + "/cases", caseJson(category, grid));
        assertEquals(created.body().toString(), 201, created.status());
        Api.Reply registered = api.post(district + "/cases/" + created.text("id") + "/transitions", Map.of("action", "register"));
        assertEquals(registered.body().toString(), 200, registered.status());
        return registered.body();
    }

    /** The time the case was given: registration to due. */
    private static Duration allowed(JsonNode c) {
        return Duration.between(Instant.parse(c.get("registeredAt").asText()), Instant.parse(c.get("dueAt").asText()));
    }

    private String shell(String command) throws Exception {
        return KarafShell.run(sessionFactory, command);
    }

    @javax.inject.Inject
    private org.apache.karaf.shell.api.console.SessionFactory sessionFactory;
}
