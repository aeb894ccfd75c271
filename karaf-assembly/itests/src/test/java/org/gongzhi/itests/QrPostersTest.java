package org.gongzhi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awaitility.Awaitility;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/**
 * The QR posters (码上办) through the API, as a district administrator prints them: the PDF is read
 * back with PDFBox, its pages printed to pictures and their QR codes scanned with ZXing, which must
 * give the residents' reporting page of the right district with the grid preset. Who may print and
 * what a wrong grid answers; a new public address takes effect without a restart.
 *
 * <p>Runs in the test JVM (PDFBox and ZXing are not in the container) on the shared platform
 * ({@link BootedPlatform#shared()}), whose posters' public address it sets for the class and restores after it.
 */
public class QrPostersTest {

    private static final String PUBLIC_URL = "https://gongzhi.example.cn";
    private static final String POSTERS = "/api/v1/tenants/jizhou/posters";
    private static final String GRID = "360802001001001";
    private static final String COMMUNITY = "360802001001";

    private static BootedPlatform platform;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Pdf(int status, String contentType, String disposition, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** The posters' configuration of the shared platform before this class, restored after it (null: none). */
    private static String configured;

    @BeforeClass
    public static void boot() throws Exception {
        platform = BootedPlatform.shared();
        Path cfg = cfg();
        configured = Files.exists(cfg) ? Files.readString(cfg) : null;
        // with a trailing slash, as an operator may well write it
        Files.writeString(cfg, "publicUrl = " + PUBLIC_URL + "/\n");
        awaitPublicUrl(PUBLIC_URL + "/report/");
    }

    @AfterClass
    public static void stop() throws IOException {
        if (configured == null) {
            Files.deleteIfExists(cfg());
        } else {
            Files.writeString(cfg(), configured);
        }
    }

    private static Path cfg() {
        return platform.etc().resolve("org.gongzhi.posters.cfg");
    }

    /** Waits until Jizhou's grid poster scans to an address starting with {@code prefix} (the configuration applied). */
    private static void awaitPublicUrl(String prefix) {
        Awaitility.await("posters pointing at " + prefix).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions().until(() -> {
                    try (PDDocument document = Loader.loadPDF(get(POSTERS + "?grid=" + GRID, "jz-admin").body())) {
                        return scan(document, 0).startsWith(prefix);
                    }
                });
    }

    @Test
    public void aGridsPosterScansToTheReportingPageWithTheGridPreset() throws Exception {
        Pdf pdf = get(POSTERS + "?grid=" + GRID, "jz-admin");
        assertEquals(pdf.text(), 200, pdf.status());
        assertEquals("application/pdf", pdf.contentType());
        assertEquals("attachment; filename=\"posters-jizhou-" + GRID + ".pdf\"", pdf.disposition());
        Files.createDirectories(Path.of("target", "posters"));
        Files.write(Path.of("target", "posters", "posters-jizhou-" + GRID + ".pdf"), pdf.body());
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertEquals(1, document.getNumberOfPages());
            assertEquals(PUBLIC_URL + "/report/jizhou/?grid=" + GRID, scan(document, 0));
            String text = new PDFTextStripper().getText(document);
            assertTrue(text, text.contains("扫码上报") && text.contains("吉州区") && text.contains("阳明小区网格")
                    && text.contains("古南街道 › 阳明社区 › 阳明小区网格"));
        }
    }

    @Test
    public void belowACommunityIsOnePagePerGridUnderIt() throws Exception {
        List<String> codes = new ArrayList<>();
        collect(platform.api().get("/api/v1/tenants/jizhou/grids?root=" + COMMUNITY).body(), codes);
        codes.remove(COMMUNITY);
        Pdf pdf = get(POSTERS + "?grid=" + COMMUNITY + "&below=true", "jz-dispatcher");
        assertEquals(pdf.text(), 200, pdf.status());
        assertEquals("attachment; filename=\"posters-jizhou-" + COMMUNITY + ".pdf\"", pdf.disposition());
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertEquals(codes.size(), document.getNumberOfPages());
            for (int page = 0; page < codes.size(); page++) {
                assertEquals(PUBLIC_URL + "/report/jizhou/?grid=" + codes.get(page), scan(document, page));
            }
        }
    }

    @Test
    public void onlyThoseWhoRunTheDistrictPrintItsPosters() throws Exception {
        assertEquals(200, get(POSTERS + "?grid=" + GRID, "city-admin").status());
        Pdf worker = get(POSTERS + "?grid=" + GRID, "jz-grid1");
        assertEquals(worker.text(), 403, worker.status());
        assertEquals(403, get(POSTERS + "?grid=" + GRID, "jz-resident1").status());
        // another district's administrator: exactly as for a district that does not exist
        Pdf other = get(POSTERS + "?grid=" + GRID, "dh-admin");
        Pdf missing = get("/api/v1/tenants/atlantis/posters?grid=" + GRID, "dh-admin");
        assertEquals(other.text(), 404, other.status());
        assertEquals(missing.status(), other.status());
        assertTrue(other.contentType().startsWith("application/problem+json"));
        assertEquals(401, get(POSTERS + "?grid=" + GRID, null).status());
    }

    @Test
    public void aWrongGridIsAProblemNamingTheParameter() throws Exception {
        for (String query : List.of("?grid=360102001", "?grid=", "", "?grid=" + GRID + "x")) {
            Pdf answer = get(POSTERS + query, "jz-admin");
            assertEquals(query + " " + answer.text(), 400, answer.status());
            assertTrue(answer.contentType(), answer.contentType().startsWith("application/problem+json"));
            assertTrue(answer.text(), answer.text().contains("\"field\":\"grid\""));
        }
        // a grid of Donghu is not one of Jizhou's
        assertEquals(400, get(POSTERS + "?grid=360102001", "jz-admin").status());
        Pdf below = get(POSTERS + "?grid=" + GRID + "&below=maybe", "jz-admin");
        assertEquals(below.text(), 400, below.status());
        assertTrue(below.text(), below.text().contains("\"field\":\"below\""));
    }

    @Test
    public void aNewPublicAddressTakesEffectWithoutARestart() throws Exception {
        Path cfg = cfg();
        String before = Files.readString(cfg);
        try {
            Files.writeString(cfg, "publicUrl = https://moved.example.cn/gongzhi\n");
            Awaitility.await("the new address on the posters").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
                        Pdf pdf = get(POSTERS + "?grid=" + GRID, "jz-admin");
                        try (PDDocument document = Loader.loadPDF(pdf.body())) {
                            return scan(document, 0).equals("https://moved.example.cn/gongzhi/report/jizhou/?grid=" + GRID);
                        }
                    });
            assertEquals(200, platform.api().get("/api/v1/health").status());
        } finally {
            Files.writeString(cfg, before);
            awaitPublicUrl(PUBLIC_URL + "/report/");
        }
    }

    private static void collect(JsonNode grid, List<String> codes) {
        codes.add(grid.get("code").asText());
        for (JsonNode child : grid.path("children")) {
            collect(child, codes);
        }
    }

    /** The text of the QR code on {@code page}, printed at 100 dpi. */
    static String scan(PDDocument document, int page) throws Exception {
        BufferedImage image = new PDFRenderer(document).renderImageWithDPI(page, 100, ImageType.RGB);
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))),
                Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }

    private static Pdf get(String path, String user) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + platform.httpPort() + path))
                .timeout(Duration.ofSeconds(60));
        if (user != null) {
            request.header("Authorization", "Bearer " + Tokens.of(user));
        }
        HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Pdf(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue("Content-Disposition").orElse(""), response.body());
    }
}
