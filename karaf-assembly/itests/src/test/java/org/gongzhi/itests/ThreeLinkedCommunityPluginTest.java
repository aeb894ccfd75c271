package org.gongzhi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import org.awaitility.Awaitility;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** 江北 三联工作法 through the REST API: for Jiangbei, which enables it, and for nobody else. */
public class ThreeLinkedCommunityPluginTest extends SharedPlatformTest {

    private static final String BASE = "/api/v1/tenants/jiangbei/plugins/three-linked-community";
    private static final String COMMUNITY = "500105001001";

    @Test
    public void aNeedGoesThroughTheMeetingToADeliveredAndRatedOrder() throws Exception {
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        String quarter = today.substring(0, 4) + "-Q" + ((Integer.parseInt(today.substring(5, 7)) - 1) / 3 + 1);
        Api.Reply need = api.post(BASE + "/needs", "{\"community\":\"" + COMMUNITY + "\",\"residentName\":\"陈阿姨\","
                + "\"category\":\"助老服务\",\"description\":\"独居老人需要助餐\",\"channel\":\"difficulty-line\",\"urgency\":\"urgent\"}");
        assertEquals(need.body().toString(), 201, need.status());
        Api.Reply meeting = api.post(BASE + "/meetings", "{\"community\":\"" + COMMUNITY + "\",\"quarter\":\"" + quarter
                + "\",\"scheduledOn\":\"" + today + "\"}");
        assertEquals(meeting.body().toString(), 201, meeting.status());
        String meetingPath = BASE + "/meetings/" + COMMUNITY + ":" + quarter;
        assertEquals(200, api.post(meetingPath + "/attendance", "{\"heldOn\":\"" + today + "\","
                + "\"attendees\":[{\"name\":\"王书记\",\"role\":\"社区书记\"}]}").status());
        Api.Reply decided = api.post(meetingPath + "/decisions", "{\"item\":1,\"decision\":\"take-on\"}");
        assertEquals(decided.body().toString(), 200, decided.status());

        assertEquals(201, api.post(BASE + "/organisations", "{\"name\":\"阳光社工服务中心\",\"registrationNo\":\"52500105MJP12345XA\","
                + "\"serviceAreas\":[\"助老服务\"]}").status());
        Api.Reply order = api.post(BASE + "/orders", "{\"needIds\":[\"" + need.text("id") + "\"],\"title\":\"独居老人助餐\"}");
        assertEquals(order.body().toString(), 201, order.status());
        String orderPath = BASE + "/orders/" + order.text("id");
        assertEquals(200, api.post(orderPath + "/take", "{\"takerType\":\"organisation\",\"takerId\":\"52500105MJP12345XA\"}").status());
        assertEquals(409, api.post(orderPath + "/take", "{\"takerType\":\"organisation\",\"takerId\":\"52500105MJP12345XA\"}").status());
        assertEquals(200, api.post(orderPath + "/delivery", "{\"note\":\"每日送餐\",\"beneficiaries\":1}").status());
        assertEquals(200, api.post(orderPath + "/rating", "{\"score\":5,\"by\":\"resident\"}").status());
        assertEquals(400, api.post(orderPath + "/rating", "{\"score\":9,\"by\":\"resident\"}").status());

        JsonNode figures = api.get(BASE + "/figures?period=" + quarter).body();
        assertTrue(figures.toString(), figures.get("total").get("ordersDelivered").asLong() >= 1);
        assertTrue(figures.toString(), figures.get("total").get("needsMatched").asLong() >= 1);
        assertTrue("no personal data in figures", !figures.toString().contains("陈阿姨"));
    }

    @Test
    public void residentAppReportsBecomeCollectedNeeds() throws Exception {
        String caseId = api.post("/api/v1/tenants/jiangbei/cases", "{\"title\":\"小区缺少健身器材\",\"categoryCode\":\"LS0101\","
                + "\"channel\":\"resident-app\",\"gridCode\":\"500105001001001\"}").text("id");
        Awaitility.await("need from the case").atMost(Duration.ofSeconds(10))
                .until(() -> api.get(BASE + "/needs/case-" + caseId).status() == 200);
        assertEquals(COMMUNITY, api.get(BASE + "/needs/case-" + caseId).text("community"));
    }

    @Test
    public void otherDistrictsCannotReachIt() throws Exception {
        assertEquals(404, api.get("/api/v1/tenants/jizhou/plugins/three-linked-community/needs").status());
        assertEquals(404, api.get("/api/v1/tenants/donghu/plugins/three-linked-community/policies").status());
        assertEquals(200, api.get(BASE + "/policies").status());
    }
}
