package org.gongzhi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * 12345 热线批量导入 over HTTP with the real database and Keycloak: a batch with bad rows, its
 * replay, an XML batch, a GBK batch, a broken file, who may import, and the shell command.
 */
public class HotlineIntakeTest extends PlatformTestSupport {

    private static final String BATCHES = "/api/v1/tenants/jizhou/hotline/batches";
    private static final String CASES = "/api/v1/tenants/jizhou/cases";
    private static final String HEADER = "工单编号,受理时间,来电人,联系电话,诉求内容,诉求分类,街道,社区,网格编码,经度,纬度\n";

    /** Three good tickets and three bad ones (content missing, unreadable time, unknown street). */
    private static String batchWithBadRows(String prefix) {
        return HEADER
                + prefix + "01,2026-03-10 09:15:00,刘女士,13800000001,阳明小区东门外有人占道卖菜。,市容环境/占道经营,古南街道,阳明社区,,114.927,27.08\n"
                + prefix + "02,2026-03-10 10:02:00,王先生,138****0002,北门中山路路灯连续三晚不亮。,市政设施/路灯故障,,,360802005001001,,\n"
                + prefix + "03,2026-03-10 10:30:00,张先生,13800000003,,城乡建设/夜间施工噪音,,,360802001001001,,\n"
                + prefix + "04,昨天下午,赵先生,13800000004,井盖缺失。,市政设施/井盖缺失,,,360802001001001,,\n"
                + prefix + "05,2026-03-10 11:20:00,孙先生,13800000005,电梯停运两天。,住房物业/电梯故障,樟山镇,樟山村委会,,,\n"
                + prefix + "06,2026-03-10 11:40:00,钱女士,13800000006,路面积水。,市政设施/下水道堵塞,火星街道,,,,\n";
    }

    private Api.Reply csv(Api as, String text) throws Exception {
        return as.post(BATCHES + "?name=12345-jizhou-test.csv", text.getBytes(StandardCharsets.UTF_8),
                "text/csv; charset=UTF-8");
    }

    private long hotlineCases() throws Exception {
        Api.Reply list = api.get(CASES + "?channel=hotline&limit=1");
        assertEquals(list.body().toString(), 200, list.status());
        return list.body().get("total").asLong();
    }

    @Test
    public void hotlineBatchWithBadRows() throws Exception {
        String prefix = "JA" + System.nanoTime() % 1_000_000_000L;
        long before = hotlineCases();
        Api.Reply r = csv(api.as("jz-dispatcher"), batchWithBadRows(prefix));
        assertEquals(r.body().toString(), 200, r.status());
        JsonNode b = r.body();
        assertEquals("12345-jizhou-test.csv", b.get("batchName").asText());
        assertEquals(3, b.get("created").asInt());
        assertEquals(0, b.get("duplicates").asInt());
        assertEquals(3, b.get("rejected").asInt());
        List<String> outcomes = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        for (JsonNode row : b.get("rows")) {
            outcomes.add(row.get("outcome").asText());
            fields.add(row.has("field") ? row.get("field").asText() : null);
        }
        assertEquals(List.of("created", "created", "rejected", "rejected", "created", "rejected"), outcomes);
        assertEquals(java.util.Arrays.asList(null, null, "content", "receivedAt", null, "street"), fields);
        JsonNode bad = b.get("rows").get(3);
        assertEquals(4, bad.get("row").asInt());
        assertEquals(prefix + "04", bad.get("ticketNumber").asText());
        assertTrue(bad.get("message").asText(), bad.get("message").asText().startsWith("无法识别的受理时间"));

        assertCase(b.get("rows").get(0), "CM0401", "360802001001001");
        assertCase(b.get("rows").get(1), "CM0604", "360802005001001");
        assertCase(b.get("rows").get(4), "LS0403", "360802101201");
        assertEquals(before + 3, hotlineCases());

        Api.Reply again = csv(api, batchWithBadRows(prefix));
        assertEquals(again.body().toString(), 200, again.status());
        assertEquals(0, again.body().get("created").asInt());
        assertEquals(3, again.body().get("duplicates").asInt());
        assertEquals(3, again.body().get("rejected").asInt());
        assertEquals(b.get("rows").get(0).get("caseId").asText(), again.body().get("rows").get(0).get("caseId").asText());
        assertEquals("the replay created nothing", before + 3, hotlineCases());
    }

    private void assertCase(JsonNode row, String category, String grid) throws Exception {
        Api.Reply c = api.get(CASES + "/" + row.get("caseId").asText());
        assertEquals(c.body().toString(), 200, c.status());
        assertEquals("hotline", c.text("channel"));
        assertEquals(category, c.text("categoryCode"));
        assertEquals(grid, c.text("gridCode"));
        assertEquals(row.get("caseNumber").asText(), c.text("number"));
        assertTrue(c.text("description"), c.text("description").contains("工单编号 " + row.get("ticketNumber").asText()));
    }

    @Test
    public void xmlAndGbkBatches() throws Exception {
        String n = "XA" + System.nanoTime() % 1_000_000_000L;
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><tickets>"
                + "<ticket><工单编号>" + n + "1</工单编号><受理时间>2026-03-10T14:20:00+08:00</受理时间>"
                + "<诉求内容>后河小区电梯停运两天，老人上下楼困难。</诉求内容><诉求分类>住房物业/电梯故障</诉求分类>"
                + "<网格编码>360802001001002</网格编码><attachments><url>https://files.example.cn/lift.jpg</url></attachments></ticket>"
                + "<ticket><工单编号>" + n + "2</工单编号><受理时间>2026-03-10 14:30</受理时间>"
                + "<诉求内容>路灯不亮</诉求内容><网格编码>360802999999</网格编码></ticket></tickets>";
        Api.Reply r = api.post(BATCHES, xml.getBytes(StandardCharsets.UTF_8), "application/xml");
        assertEquals(r.body().toString(), 200, r.status());
        assertEquals(1, r.body().get("created").asInt());
        assertEquals("gridCode", r.body().get("rows").get(1).get("field").asText());
        assertTrue(r.body().get("batchName").asText().startsWith("hotline-xml-"));
        assertCase(r.body().get("rows").get(0), "LS0403", "360802001001002");

        Charset gbk = Charset.forName("GBK");
        String csv = HEADER + n + "3,2026-03-10 15:00,李女士,13800000007,小区门口垃圾堆积。,市容环境/暴露垃圾,永叔街道,庐陵社区,,,\n";
        Api.Reply g = api.post(BATCHES, csv.getBytes(gbk), "text/csv; charset=GBK");
        assertEquals(g.body().toString(), 200, g.status());
        assertEquals(1, g.body().get("created").asInt());
        assertCase(g.body().get("rows").get(0), "CM0101", "360802002001");
    }

    @Test
    public void aBrokenFileIsRefusedWhole() throws Exception {
        long before = hotlineCases();
        assertProblem(csv(api, "标题,诉求内容\n路灯,不亮\n"), 400, "ticketNumber");
        assertProblem(api.post(BATCHES, "<tickets><ticket><工单编号>A</ticket>".getBytes(StandardCharsets.UTF_8),
                "application/xml"), 400, "body");
        assertProblem(api.post(BATCHES, "[{\"工单编号\":".getBytes(StandardCharsets.UTF_8), "application/json"), 400, "body");
        assertProblem(api.post(BATCHES, HEADER.getBytes(Charset.forName("GBK")), "text/csv"), 400, "body");
        assertProblem(api.post(BATCHES, "x".getBytes(StandardCharsets.UTF_8), "application/pdf"), 415, null);
        assertProblem(api.post(BATCHES, new byte[6 * 1024 * 1024], "text/csv"), 413, null);
        assertEquals(before, hotlineCases());
    }

    @Test
    public void onlyTheDistrictsCentreMayImport() throws Exception {
        String text = batchWithBadRows("AC" + System.nanoTime() % 1_000_000_000L);
        assertProblem(csv(api.as("jz-grid1"), text), 403, null);
        assertProblem(csv(api.as("jz-resident1"), text), 403, null);
        assertProblem(csv(api.as("dh-dispatcher"), text), 404, null);
        assertProblem(csv(api.as("dh-admin"), text), 404, null);
        assertEquals(401, csv(api.anonymous(), text).status());
        Api.Reply admin = csv(api.as("jz-admin"), text);
        assertEquals(admin.body().toString(), 200, admin.status());
        assertNotNull(admin.body().get("rows"));
    }

    @Test
    public void operatorsImportAFileInTheShell() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("12345-jizhou-", ".csv");
        java.nio.file.Files.write(file, batchWithBadRows("SH" + System.nanoTime() % 1_000_000_000L).getBytes(Charset.forName("GBK")));
        String first = shell("gongzhi:hotline-import --charset GBK jizhou " + file);
        assertTrue(first, first.contains("新建 created 3") && first.contains("退回 rejected 3") && first.contains("receivedAt"));
        String again = shell("gongzhi:hotline-import -c GBK jizhou " + file);
        assertTrue(again, again.contains("新建 created 0") && again.contains("重复 duplicate 3"));
        String missing = shell("gongzhi:hotline-import jizhou " + file + ".missing");
        assertTrue(missing, missing.contains("无法读取文件"));
        java.nio.file.Files.delete(file);
    }

    private String shell(String command) throws Exception {
        return KarafShell.run(sessionFactory, command);
    }

    @javax.inject.Inject
    private org.apache.karaf.shell.api.console.SessionFactory sessionFactory;

    private static void assertProblem(Api.Reply reply, int status, String field) {
        assertEquals(reply.body().toString(), status, reply.status());
        assertTrue(reply.contentType(), reply.contentType().startsWith("application/problem+json"));
        if (field != null) {
            assertEquals(reply.body().toString(), field, reply.text("field"));
        }
    }
}
