package org.gongzhi.itests;

import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** Cases of the demo district Jizhou taken through the API to a given point of the loop, for the tests that start there. */
final class JizhouCases {

    static final String JIZHOU = "/api/v1/tenants/jizhou";

    private JizhouCases() {
    }

    /** A hotline case of Jizhou (CM0101, grid 360802001001001) reported, registered (coordination) and dispatched to 城管 (CG). */
    static JsonNode dispatchedToCg(Api api, String title) throws Exception {
        Api.Reply created = api.post(JIZHOU + "/cases", "{\"title\":\"" + title
                + "\",\"categoryCode\":\"CM0101\",\"channel\":\"hotline\",\"gridCode\":\"360802001001001\"}");
        assertEquals(created.body().toString(), 201, created.status());
        String id = created.text("id");
        Api.Reply registered = api.post(JIZHOU + "/cases/" + id + "/transitions",
                Map.of("action", "register", "tier", "coordination"));
        assertEquals(registered.body().toString(), 200, registered.status());
        Api.Reply dispatched = api.as("jz-dispatcher").post(JIZHOU + "/cases/" + id + "/transitions",
                Map.of("action", "dispatch", "leadDepartment", "CG"));
        assertEquals(dispatched.body().toString(), 200, dispatched.status());
        return dispatched.body();
    }

    /** The centre takes Jizhou case {@code id} through the loop to closed (HW leads), with {@code publicNote} at feedback. */
    static void closeOverTheStaffApi(Api api, String id, String publicNote) throws Exception {
        String path = JIZHOU + "/cases/" + id + "/transitions";
        for (Map<String, Object> step : List.<Map<String, Object>>of(Map.of("action", "register"),
                Map.of("action", "dispatch", "leadDepartment", "HW"), Map.of("action", "accept"),
                Map.of("action", "feedback", "note", "已清运（内部）", "publicNote", publicNote),
                Map.of("action", "verify-pass"), Map.of("action", "close"))) {
            Api.Reply r = api.post(path, step);
            assertEquals(step + " " + r.body(), 200, r.status());
        }
    }
}
