package org.gongzhi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.Test;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.CoreOptions;
import org.ops4j.pax.exam.Option;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The periodic reports through the API: produced on demand as PDF, XLSX and CSV, archived,
 * served back; a period without data says so; the schedule fires by itself (every 5 s here).
 * Also the QR posters from the operator shell (their codes are scanned in {@code QrPostersTest}).
 */
public class ReportsTest extends PlatformTestSupport {

    @Override
    @Configuration
    public Option[] config() throws IOException {
        return CoreOptions.options(CoreOptions.composite(super.config()),
                editConfigurationFilePut("etc/org.gongzhi.reports.cfg", "monthlyCron", "0/5 * * * * ?"),
                editConfigurationFilePut("etc/org.gongzhi.reports.cfg", "quarterlyCron", ""),
                editConfigurationFilePut("etc/org.gongzhi.reports.cfg", "halfYearCron", ""),
                editConfigurationFilePut("etc/org.gongzhi.reports.cfg", "formats", "CSV"));
    }

    @Test
    public void monthlyReportIsProducedInEveryFormatAndArchived() throws Exception {
        String month = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString().substring(0, 7);
        String id = api.post("/api/v1/tenants/jizhou/cases",
                "{\"title\":\"井盖缺失\",\"categoryCode\":\"CM0101\",\"channel\":\"grid-worker\"}").text("id");
        api.post("/api/v1/tenants/jizhou/cases/" + id + "/transitions", Map.of("action", "register"));

        Api.Reply pdf = api.post("/api/v1/tenants/jizhou/reports",
                "{\"kind\":\"monthly\",\"period\":\"" + month + "\",\"format\":\"pdf\"}");
        assertEquals(pdf.body().toString(), 201, pdf.status());
        byte[] file = download("/api/v1/tenants/jizhou/reports/" + pdf.text("id") + "/content", "application/pdf");
        assertEquals("%PDF", new String(file, 0, 4, StandardCharsets.US_ASCII));

        Api.Reply csv = api.post("/api/v1/tenants/jizhou/reports",
                "{\"kind\":\"monthly\",\"period\":\"" + month + "\",\"format\":\"csv\"}");
        String text = new String(download("/api/v1/tenants/jizhou/reports/" + csv.text("id") + "/content", "text/csv"),
                StandardCharsets.UTF_8);
        assertTrue(text, text.contains("全区") && text.contains("按期结案率"));

        Api.Reply xlsx = api.post("/api/v1/tenants/jizhou/reports",
                "{\"kind\":\"quarterly\",\"period\":\"" + quarter(month) + "\",\"format\":\"xlsx\"}");
        assertEquals(xlsx.body().toString(), 201, xlsx.status());
        byte[] sheet = download("/api/v1/tenants/jizhou/reports/" + xlsx.text("id") + "/content",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertEquals("PK", new String(sheet, 0, 2, StandardCharsets.US_ASCII));

        JsonNode archive = api.get("/api/v1/tenants/jizhou/reports").body();
        assertTrue(archive.toString(), archive.size() >= 3);
        assertEquals(404, api.get("/api/v1/tenants/donghu/reports/" + pdf.text("id")).status());
    }

    @Test
    public void aPeriodWithoutDataSaysSo() throws Exception {
        Api.Reply csv = api.post("/api/v1/tenants/jiangbei/reports", "{\"kind\":\"monthly\",\"period\":\"2020-01\",\"format\":\"csv\"}");
        assertEquals(csv.body().toString(), 201, csv.status());
        Api.Reply bulletin = api.post("/api/v1/city/reports", "{\"kind\":\"half-year\",\"period\":\"2020-H1\",\"format\":\"pdf\"}");
        assertEquals(bulletin.body().toString(), 201, bulletin.status());
        assertEquals(400, api.post("/api/v1/tenants/jiangbei/reports", "{\"kind\":\"monthly\",\"period\":\"2020-Q1\"}").status());
        assertEquals("period", api.post("/api/v1/tenants/jiangbei/reports", "{\"kind\":\"monthly\",\"period\":\"2020-Q1\"}").text("field"));
        assertEquals("kind", api.post("/api/v1/tenants/jiangbei/reports", "{\"kind\":\"weekly\",\"period\":\"2020-01\"}").text("field"));
        assertEquals(404, api.post("/api/v1/tenants/atlantis/reports", "{\"kind\":\"monthly\",\"period\":\"2020-01\"}").status());
    }

    @Test
    public void theScheduleProducesTheMonthlyReportsByItself() {
        Awaitility.await("a scheduled report").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions().until(() -> {
                    JsonNode archive = api.get("/api/v1/tenants/donghu/reports").body();
                    for (JsonNode r : archive) {
                        if ("schedule".equals(r.get("generatedBy").asText()) && "MONTHLY".equals(r.get("kind").asText())) {
                            return true;
                        }
                    }
                    return false;
                });
    }

    /** The QR posters (码上办) from the operator shell: a PDF on the Karaf host, one page per grid below. */
    @Test
    public void qrPostersAreWrittenFromTheShell() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("posters", ".pdf");
        try {
            String written = shell("gongzhi:qr-posters --below -o " + file + " jizhou 360802001001");
            assertTrue(written, written.contains("页海报已写入") && written.contains(file.toString()));
            byte[] pdf = java.nio.file.Files.readAllBytes(file);
            assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
            int pages = Integer.parseInt(written.trim().split(" ")[0]);
            assertTrue(written, pages > 1);
            String one = shell("gongzhi:qr-posters -o " + file + " jizhou 360802001001001");
            assertTrue(one, one.trim().startsWith("1 页海报已写入"));
            String unknown = shell("gongzhi:qr-posters -o " + file + " jizhou 360102001");
            assertTrue(unknown, unknown.contains("[grid]") && unknown.contains("本区没有该网格"));
            String district = shell("gongzhi:qr-posters -o " + file + " atlantis 360802001");
            assertTrue(district, district.contains("租户不存在"));
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    private String shell(String command) throws Exception {
        return KarafShell.run(sessionFactory, command);
    }

    @javax.inject.Inject
    private org.apache.karaf.shell.api.console.SessionFactory sessionFactory;

    private static String quarter(String month) {
        int m = Integer.parseInt(month.substring(5, 7));
        return month.substring(0, 4) + "-Q" + ((m - 1) / 3 + 1);
    }

    private byte[] download(String path, String expectedType) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + Integer.getInteger("gongzhi.test.http.port") + path))
                        .header("Authorization", "Bearer " + Api.defaultToken(path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue("Content-Type").orElse("").startsWith(expectedType));
        return response.body();
    }
}
