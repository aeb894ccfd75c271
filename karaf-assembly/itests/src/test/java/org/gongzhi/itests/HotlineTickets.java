package org.gongzhi.itests;

import static org.junit.Assert.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.openqa.selenium.By;

/** Jizhou 12345 tickets through the hotline import, taken through the loop to closed over the API. */
final class HotlineTickets {

    static final String JIZHOU = "/api/v1/tenants/jizhou";
    static final String HEADER = "工单编号,受理时间,来电人,联系电话,诉求内容,诉求分类,网格编码\n";

    private HotlineTickets() {
    }

    /** A unique ticket number. */
    static String ticket(String prefix) {
        return prefix + System.nanoTime() % 1_000_000_000L;
    }

    /** Imports ticket {@code number} (caller {@code caller}, {@code phone}) and closes its case with {@code result}; returns the case id. */
    static String closed(Api api, String number, String caller, String phone, String content, String result)
            throws Exception {
        String csv = HEADER + number + ",2026-03-10 09:15:00," + caller + "," + phone + "," + content
                + ",市政设施/路灯故障,360802001001001\n";
        Api.Reply batch = api.as("jz-dispatcher").post(JIZHOU + "/hotline/batches",
                csv.getBytes(StandardCharsets.UTF_8), "text/csv; charset=UTF-8");
        assertEquals(batch.body().toString(), 200, batch.status());
        assertEquals(batch.body().toString(), 1, batch.body().get("created").asInt());
        String id = batch.body().get("rows").get(0).get("caseId").asText();
        String path = JIZHOU + "/cases/" + id + "/transitions";
        step(api, path, Map.of("action", "register"));
        step(api, path, Map.of("action", "dispatch", "leadDepartment", "CG"));
        step(api, path, Map.of("action", "accept"));
        step(api, path, Map.of("action", "feedback", "note", "已更换灯泡"));
        step(api, path, Map.of("action", "verify-pass"));
        step(api, path, Map.of("action", "close", "publicNote", result));
        return id;
    }

    private static void step(Api api, String path, Map<String, Object> body) throws Exception {
        Api.Reply r = api.post(path, body);
        assertEquals(body + " → " + r.body(), 200, r.status());
    }

    /**
     * Pages the console's callbacks list (open in {@code browser}) until the case's row is shown: the list
     * is oldest close first, 50 a page.
     */
    static void showCallbackRow(Browser browser, Api api, String caseId) throws Exception {
        browser.await("[data-test=callbacks]");
        browser.awaitGone("[data-test=callbacks-page] .el-loading-mask");
        JsonNode items = api.as("jz-dispatcher").get(JIZHOU + "/hotline/callbacks?limit=500").body().get("items");
        int index = 0;
        while (index < items.size() && !items.get(index).get("caseId").asText().equals(caseId)) {
            index++;
        }
        int page = index / 50 + 1;
        if (page > 1) {
            browser.until("page " + page + " of the list", d -> d.findElements(By.cssSelector(".el-pager li")).stream()
                    .filter(li -> li.getText().equals(String.valueOf(page))).findFirst().map(li -> {
                        li.click();
                        return true;
                    }).orElse(false));
        }
        browser.await("tr[data-case='" + caseId + "']");
    }
}
