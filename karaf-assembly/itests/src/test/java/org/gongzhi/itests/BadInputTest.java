package org.gongzhi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Map;

import org.junit.Test;

/** Whatever a client sends, the answer is a 4xx problem naming the field, never a 500. */
public class BadInputTest extends SharedPlatformTest {

    private static final String CASES = "/api/v1/tenants/donghu/cases";

    @Test
    public void unknownTenantIsNotFound() throws Exception {
        assertProblem(api.get("/api/v1/tenants/atlantis/cases"), 404, null);
        assertProblem(api.post("/api/v1/tenants/atlantis/cases", "{}"), 404, null);
    }

    @Test
    public void malformedJsonIsABadRequest() throws Exception {
        assertProblem(api.post(CASES, "{\"title\": "), 400, null);
        assertProblem(api.post(CASES, "[1,2]"), 400, null);
        assertProblem(api.post(CASES, "{\"title\":\"x\",\"latitude\":\"north\"}"), 400, "latitude");
        assertProblem(api.post(CASES, "{\"title\":\"x\",\"colour\":\"red\"}"), 400, "colour");
    }

    @Test
    public void missingAndUnknownValuesNameTheirField() throws Exception {
        assertProblem(api.post(CASES, "{\"categoryCode\":\"CM0101\",\"channel\":\"hotline\"}"), 400, "title");
        assertProblem(api.post(CASES, "{\"title\":\"x\",\"categoryCode\":\"ZZ9999\",\"channel\":\"hotline\"}"), 400, "categoryCode");
        assertProblem(api.post(CASES, "{\"title\":\"x\",\"categoryCode\":\"CM0101\",\"channel\":\"pigeon\"}"), 400, "channel");
        assertProblem(api.post(CASES, "{\"title\":\"x\",\"categoryCode\":\"CM0101\",\"channel\":\"hotline\",\"gridCode\":\"1\"}"), 400, "gridCode");
        assertProblem(api.post(CASES, "{\"title\":\"x\",\"categoryCode\":\"CM0101\",\"channel\":\"hotline\",\"attachments\":[\"file:///etc/passwd\"]}"), 400, "attachments");
    }

    @Test
    public void badCoordinatesAreRefused() throws Exception {
        assertProblem(api.post(CASES, "{\"title\":\"x\",\"categoryCode\":\"CM0101\",\"channel\":\"hotline\",\"longitude\":115.9,\"latitude\":95}"), 400, "latitude");
        assertProblem(api.post(CASES, "{\"title\":\"x\",\"categoryCode\":\"CM0101\",\"channel\":\"hotline\",\"longitude\":115.9}"), 400, "latitude");
        assertProblem(api.get("/api/v1/tenants/donghu/grids/locate?longitude=abc&latitude=1"), 400, "longitude");
    }

    @Test
    public void oversizedBodyIsRefused() throws Exception {
        String big = "{\"title\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        assertProblem(api.post(CASES, big), 413, null);
    }

    @Test
    public void badQueryParametersAndIdsAreClientErrors() throws Exception {
        assertProblem(api.get(CASES + "?limit=lots"), 400, "limit");
        assertProblem(api.get(CASES + "?limit=100000"), 400, "limit");
        assertProblem(api.get(CASES + "?status=lost"), 400, "status");
        assertProblem(api.get(CASES + "?from=yesterday"), 400, "from");
        assertProblem(api.get(CASES + "/not-a-uuid"), 404, null);
        assertProblem(api.post(CASES + "/00000000-0000-0000-0000-000000000000/transitions", Map.of("action", "fly")), 400, "action");
    }

    @Test
    public void pointToGridLookupAnswers() throws Exception {
        Api.Reply found = api.get("/api/v1/tenants/jizhou/grids/locate?longitude=114.927&latitude=27.08");
        assertEquals(found.body().toString(), 200, found.status());
        assertEquals("360802001001001", found.body().get("grid").get("code").asText());
        assertEquals(404, api.get("/api/v1/tenants/jizhou/grids/locate?longitude=100&latitude=20").status());
    }

    private static void assertProblem(Api.Reply reply, int status, String field) {
        assertEquals(reply.body().toString(), status, reply.status());
        assertTrue(reply.contentType(), reply.contentType().startsWith("application/problem+json"));
        assertEquals(status, reply.body().get("status").asInt());
        if (field != null) {
            assertEquals(reply.body().toString(), field, reply.text("field"));
        }
    }
}
