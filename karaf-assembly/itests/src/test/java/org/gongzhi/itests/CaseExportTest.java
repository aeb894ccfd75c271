package org.gongzhi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.BeforeClass;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Search, export and bulk steps (issue 17 part 6, ADR 0038) over HTTP in the container: a phone finds its
 * cases; the export with the list's filters opens as CSV (BOM, Chinese intact) and as XLSX (read back with
 * Apache POI), never with the reporter's phone; bad filters are 400 naming the parameter; a bulk dispatch
 * over mixed cases answers one result per case, each as the single step would.
 *
 * <p>Runs in the test JVM (Commons CSV and Apache POI are not in the container), on the platform it shares with
 * other classes ({@link BootedPlatform#shared()}).
 */
public class CaseExportTest {

    private static BootedPlatform platform;
    private static Api api;

    @BeforeClass
    public static void boot() throws Exception {
        platform = BootedPlatform.shared();
        api = platform.api();
    }

    private static final String JIZHOU = JizhouCases.JIZHOU;
    private static final String PHONE = "13907968899";
    private static final List<String> HEADER = List.of("案件编号", "标题", "类别", "网格", "状态", "主办部门", "上报时间",
            "处置期限", "结案时间");

    private String report(String title) throws Exception {
        Api.Reply created = api.post(JIZHOU + "/cases", "{\"title\":\"" + title + "\",\"categoryCode\":\"CM0101\","
                + "\"channel\":\"hotline\",\"gridCode\":\"360802001001001\",\"address\":\"阳明路\","
                + "\"reporterName\":\"欧阳修\",\"reporterPhone\":\"" + PHONE + "\"}");
        assertEquals(created.body().toString(), 201, created.status());
        return created.text("id");
    }

    private String registered(String title) throws Exception {
        String id = report(title);
        assertEquals(200, api.post(JIZHOU + "/cases/" + id + "/transitions", Map.of("action", "register")).status());
        return id;
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    public void theExportOpensAsCsvAndXlsxWithChineseIntactAndNoPhone() throws Exception {
        String marker = "导出窨井" + UUID.randomUUID().toString().substring(0, 4);
        List<String> titles = List.of(marker + "盖板缺失", marker + "污水冒溢", marker + "路面塌陷");
        for (String t : titles) {
            registered(t);
        }
        JsonNode byPhone = api.get(JIZHOU + "/cases?limit=200&q=" + q("+86 139-0796-8899")).body();
        assertTrue(byPhone.toString(), byPhone.get("total").asInt() >= 3);
        assertTrue("a phone search counts exactly: " + byPhone, byPhone.get("totalExact").asBoolean());
        JsonNode byWord = api.get(JIZHOU + "/cases?limit=1&q=" + q(marker)).body();
        assertEquals(byWord.toString(), 3, byWord.get("total").asInt());
        assertTrue("under the cap a word search counts exactly: " + byWord, byWord.get("totalExact").asBoolean());

        Api.Bytes csv = api.bytes(JIZHOU + "/cases/export?format=csv&status=registered&q=" + q(marker));
        assertEquals(new String(csv.body(), StandardCharsets.UTF_8), 200, csv.status());
        assertTrue(csv.contentType(), csv.contentType().startsWith("text/csv"));
        assertEquals("UTF-8 byte-order mark", "\uFEFF", new String(csv.body(), 0, 3, StandardCharsets.UTF_8));
        String text = new String(csv.body(), 3, csv.body().length - 3, StandardCharsets.UTF_8);
        assertFalse("never the reporter's phone", text.contains(PHONE));
        assertFalse("never the reporter's name", text.contains("欧阳修"));
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(text)).getRecords();
        assertEquals(HEADER, records.get(0).toList());
        assertEquals(text, 4, records.size());
        List<String> exported = new ArrayList<>();
        for (CSVRecord r : records.subList(1, 4)) {
            exported.add(r.get(1));
            assertEquals("已立案", r.get(4));
            assertTrue(r.get(6), r.get(6).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}"));
        }
        assertEquals("newest first, as the list", List.of(titles.get(2), titles.get(1), titles.get(0)), exported);

        Api.Bytes xlsx = api.bytes(JIZHOU + "/cases/export?format=xlsx&q=" + q(marker));
        assertEquals(200, xlsx.status());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = book.getSheetAt(0);
            assertEquals(3, sheet.getLastRowNum());
            Row header = sheet.getRow(0);
            for (int c = 0; c < HEADER.size(); c++) {
                assertEquals(HEADER.get(c), header.getCell(c).getStringCellValue());
            }
            assertEquals(titles.get(2), sheet.getRow(1).getCell(1).getStringCellValue());
            assertEquals("已立案", sheet.getRow(1).getCell(4).getStringCellValue());
        }

        Api.Reply badFormat = api.get(JIZHOU + "/cases/export?format=pdf");
        assertEquals(400, badFormat.status());
        assertEquals("format", badFormat.text("field"));
        Api.Reply badGrid = api.get(JIZHOU + "/cases/export?grid=999");
        assertEquals(400, badGrid.status());
        assertEquals("grid", badGrid.text("field"));
        assertEquals("residents do not export", 403, api.as("jz-resident1").get(JIZHOU + "/cases/export").status());
    }

    @Test
    public void aBulkDispatchAnswersOneResultPerCaseAsTheSingleStepWould() throws Exception {
        String marker = "批量" + UUID.randomUUID().toString().substring(0, 4);
        String first = registered(marker + "一");
        String second = registered(marker + "二");
        String onlyReported = report(marker + "三");
        String missing = UUID.randomUUID().toString();

        Api.Reply bulk = api.as("jz-dispatcher").post(JIZHOU + "/cases/bulk", Map.of("action", "dispatch",
                "leadDepartment", "CG", "note", "批量派遣", "caseIds", List.of(first, onlyReported, second, missing)));
        assertEquals(bulk.body().toString(), 200, bulk.status());
        assertEquals(2, bulk.body().get("ok").asInt());
        assertEquals(2, bulk.body().get("failed").asInt());
        JsonNode results = bulk.body().get("results");
        assertEquals(first, results.get(0).get("caseId").asText());
        assertTrue(results.get(0).get("ok").asBoolean());
        assertEquals("dispatched", results.get(0).get("status").asText());
        assertEquals(409, results.get(1).at("/problem/status").asInt());
        assertEquals("https://gongzhi.org/problems/illegal-transition", results.get(1).at("/problem/type").asText());
        assertTrue(results.get(2).get("ok").asBoolean());
        assertEquals(404, results.get(3).at("/problem/status").asInt());

        JsonNode journal = api.get(JIZHOU + "/cases/" + second + "/journal").body();
        JsonNode last = journal.get(journal.size() - 1);
        assertEquals("dispatch", last.get("action").asText());
        assertEquals("jz-dispatcher", last.get("actor").asText());
        assertEquals("CG", api.get(JIZHOU + "/cases/" + second).text("leadDepartment"));
        assertEquals("reported", api.get(JIZHOU + "/cases/" + onlyReported).text("status"));

        Api.Reply close = api.post(JIZHOU + "/cases/bulk", Map.of("action", "close", "caseIds", List.of(first)));
        assertEquals(409, close.body().at("/results/0/problem/status").asInt());

        Api.Reply badStep = api.post(JIZHOU + "/cases/bulk", Map.of("action", "evaluate", "caseIds", List.of(first)));
        assertEquals(400, badStep.status());
        assertEquals("action", badStep.text("field"));
        Api.Reply badId = api.post(JIZHOU + "/cases/bulk", Map.of("action", "close", "caseIds", List.of(first, "x")));
        assertEquals(400, badId.status());
        assertEquals("caseIds[1]", badId.text("field"));
        assertEquals(400, api.post(JIZHOU + "/cases/bulk", Map.of("action", "close", "caseIds", List.of())).status());
        assertEquals("a grid worker may not dispatch", 403, api.as("jz-grid1").post(JIZHOU + "/cases/bulk",
                Map.of("action", "dispatch", "caseIds", List.of(first))).status());
    }

    @Test
    public void aBulkAssignNamesTheHolderOfEachCaseItMay() throws Exception {
        String marker = "批量指派" + UUID.randomUUID().toString().substring(0, 4);
        String first = registered(marker + "一");
        String second = registered(marker + "二");
        String onlyReported = report(marker + "三");
        Api dispatcher = api.as("jz-dispatcher");
        Api.Reply dispatched = dispatcher.post(JIZHOU + "/cases/bulk", Map.of("action", "dispatch",
                "leadDepartment", "CG", "caseIds", List.of(first, second)));
        assertEquals(dispatched.body().toString(), 2, dispatched.body().get("ok").asInt());

        Api.Reply bulk = dispatcher.post(JIZHOU + "/cases/bulk", Map.of("action", "assign", "assignee", "jz-cg2",
                "caseIds", List.of(first, onlyReported, second)));
        assertEquals(bulk.body().toString(), 200, bulk.status());
        assertEquals(bulk.body().toString(), 2, bulk.body().get("ok").asInt());
        assertEquals("assign", bulk.body().get("action").asText());
        assertEquals("an unregistered case is not assigned", 409, bulk.body().at("/results/1/problem/status").asInt());
        for (String id : List.of(first, second)) {
            assertEquals("jz-cg2", api.get(JIZHOU + "/cases/" + id).text("assignee"));
        }
        JsonNode journal = api.get(JIZHOU + "/cases/" + first + "/journal").body();
        assertTrue(journal.toString(), journal.get(journal.size() - 1).get("note").asText().contains("jz-cg2"));

        Api.Reply again = dispatcher.post(JIZHOU + "/cases/bulk", Map.of("action", "assign", "assignee", "jz-cg",
                "caseIds", List.of(first)));
        assertEquals("a reassignment needs a reason", 400, again.body().at("/results/0/problem/status").asInt());
        Api.Reply nobody = dispatcher.post(JIZHOU + "/cases/bulk", Map.of("action", "assign", "caseIds", List.of(first)));
        assertEquals(400, nobody.status());
        assertEquals("assignee", nobody.text("field"));
        assertEquals("a resident may not assign", 403, api.as("jz-resident1").post(JIZHOU + "/cases/bulk",
                Map.of("action", "assign", "assignee", "jz-cg2", "caseIds", List.of(first))).status());
    }
}
