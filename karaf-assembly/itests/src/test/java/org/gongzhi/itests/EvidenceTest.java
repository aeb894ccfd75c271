package org.gongzhi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Evidence over HTTP (issue 14): photos uploaded raw and as multipart forms, sniffed by their bytes,
 * served without EXIF/GPS, attached to the report and to the feedback, seen by whoever sees the case and
 * by nobody else, and shown to Open311 only for a public case.
 */
public class EvidenceTest extends SharedPlatformTest {

    private static final String JIZHOU = "/api/v1/tenants/jizhou";
    private static final String DONGHU = "/api/v1/tenants/donghu";
    private static final String GRID = "360802001001001";

    /** A JPEG whose EXIF says where and when it was taken (28°40'55.2"N 115°51'28.44"E). */
    private static byte[] gpsJpeg() throws IOException {
        try (InputStream in = EvidenceTest.class.getResourceAsStream("/evidence/gps.jpg")) {
            assertNotNull("fixture /evidence/gps.jpg", in);
            return in.readAllBytes();
        }
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 64; x++) {
            for (int y = 0; y < 48; y++) {
                image.setRGB(x, y, new Color(x * 4, y * 5, 128).getRGB());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** Whether {@code bytes} carry an EXIF block or the GPS tag's text anywhere. */
    private static boolean hasExif(byte[] bytes) {
        String raw = new String(bytes, StandardCharsets.ISO_8859_1);
        return raw.contains("Exif\0\0") || raw.contains("GPS");
    }

    private String upload(Api as, byte[] photo, String query) throws Exception {
        Api.Reply r = as.post(JIZHOU + "/evidence" + query, photo, "image/jpeg");
        assertEquals(r.toString(), 201, r.status());
        return r.text("id");
    }

    @Test
    public void aPhotoIsServedWithoutItsGpsAndCaptureFactsAreKeptOnlyWhenAgreed() throws Exception {
        byte[] photo = gpsJpeg();
        assertTrue("the fixture carries EXIF", hasExif(photo));
        Api grid = api.as("jz-grid1");
        Api.Reply kept = grid.post(JIZHOU + "/evidence?fileName=IMG_0001.jpg&keepCaptureFacts=true", photo, "image/jpeg");
        assertEquals(kept.toString(), 201, kept.status());
        assertEquals("photo", kept.text("kind"));
        assertEquals("image/jpeg", kept.text("mediaType"));
        assertEquals("IMG_0001.jpg", kept.text("fileName"));
        assertEquals(28.682, kept.body().get("latitude").asDouble(), 0.001);
        assertEquals(115.858, kept.body().get("longitude").asDouble(), 0.001);
        assertNotNull(kept.text("capturedAt"));

        Api.Reply plain = grid.post(JIZHOU + "/evidence", photo, "application/octet-stream");
        assertEquals(plain.toString(), 201, plain.status());
        assertFalse("no capture place without consent", plain.body().has("latitude") && !plain.body().get("latitude").isNull());
        assertFalse(plain.body().has("capturedAt") && !plain.body().get("capturedAt").isNull());

        Api.Bytes served = grid.bytes(plain.text("url"));
        assertEquals(200, served.status());
        assertTrue(served.contentType(), served.contentType().startsWith("image/jpeg"));
        assertFalse("the served copy has no EXIF/GPS", hasExif(served.body()));
        assertNotNull(ImageIO.read(new java.io.ByteArrayInputStream(served.body())));
        assertTrue(served.cacheControl(), served.cacheControl().contains("private"));
        Api.Bytes thumb = grid.bytes(plain.text("thumbnailUrl"));
        assertEquals(200, thumb.status());
        BufferedImage small = ImageIO.read(new java.io.ByteArrayInputStream(thumb.body()));
        assertTrue(small.getWidth() <= 320 && small.getHeight() <= 320);
        assertFalse(hasExif(thumb.body()));
    }

    @Test
    public void theTypeComesFromTheBytesNeverFromTheName() throws Exception {
        KarafLog log = KarafLog.markEnd(karafData().resolve("log").resolve("karaf.log"));
        Api grid = api.as("jz-grid1");
        byte[] webp;
        try (InputStream in = EvidenceTest.class.getResourceAsStream("/evidence/sample.webp")) {
            webp = in.readAllBytes();
        }
        Api.Reply decoded = grid.post(JIZHOU + "/evidence", webp, "application/octet-stream");
        assertEquals(decoded.toString(), 201, decoded.status());
        assertEquals("image/webp", decoded.text("mediaType"));
        assertEquals(640, decoded.body().get("width").asInt());
        assertEquals(200, grid.bytes(decoded.text("thumbnailUrl")).status());
        java.io.File store = karafData().resolve("evidence").resolve("jizhou").toFile();
        assertTrue("the default store is under karaf.data: " + store, store.isDirectory());

        Api.Reply png = grid.postFile(JIZHOU + "/evidence", "photo.jpg", "image/jpeg", png());
        assertEquals(png.toString(), 201, png.status());
        assertEquals("image/png", png.text("mediaType"));

        byte[] elf = new byte[4096];
        System.arraycopy(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0}, 0, elf, 0, 8);
        Api.Reply program = grid.postFile(JIZHOU + "/evidence", "photo.jpg", "image/jpeg", elf);
        assertEquals(program.toString(), 415, program.status());
        assertTrue(program.contentType(), program.contentType().startsWith("application/problem+json"));
        assertEquals("file", program.text("field"));
        Api.Reply empty = grid.post(JIZHOU + "/evidence", new byte[0], "image/jpeg");
        assertEquals(empty.toString(), 400, empty.status());
        Api.Reply noFile = grid.post(JIZHOU + "/evidence", "--x--\r\n".getBytes(StandardCharsets.UTF_8),
                "multipart/form-data; boundary=x");
        assertEquals(noFile.toString(), 400, noFile.status());
        assertEquals("ERROR lines in karaf.log", List.of(), log.errorsSince());
    }

    @Test
    public void evidenceFollowsTheCaseAndOtherDistrictsSeeNothing() throws Exception {
        Api grid = api.as("jz-grid1");
        String before = upload(grid, gpsJpeg(), "");
        // before it is attached only its uploader sees it
        assertEquals(404, api.as("jz-dispatcher").get(JIZHOU + "/evidence/" + before).status());
        assertEquals(200, grid.get(JIZHOU + "/evidence/" + before).status());
        // someone else cannot attach it
        Api.Reply stolen = api.as("jz-dispatcher").post(JIZHOU + "/cases", Map.of("title", "井盖缺失", "categoryCode",
                "CM0101", "channel", "grid-worker", "gridCode", GRID, "attachments", List.of("evidence:" + before)));
        assertEquals(stolen.toString(), 400, stolen.status());
        assertEquals("attachments", stolen.text("field"));

        Api.Reply reported = grid.post(JIZHOU + "/cases", Map.of("title", "井盖缺失", "categoryCode", "CM0101",
                "channel", "grid-worker", "gridCode", GRID, "attachments", List.of("evidence:" + before)));
        assertEquals(reported.toString(), 201, reported.status());
        String id = reported.text("id");
        Api dispatcher = api.as("jz-dispatcher");
        assertEquals(200, dispatcher.bytes(JIZHOU + "/evidence/" + before + "/content").status());
        step(dispatcher, id, Map.of("action", "register"));
        step(dispatcher, id, Map.of("action", "dispatch", "leadDepartment", "CG"));
        Api handler = api.as("jz-cg");
        step(handler, id, Map.of("action", "accept"));
        String after = upload(handler, gpsJpeg(), "?fileName=after.jpg");
        step(handler, id, Map.of("action", "feedback", "note", "已修复", "attachments", List.of("evidence:" + after)));

        List<JsonNode> list = items(dispatcher.get(JIZHOU + "/cases/" + id + "/evidence"));
        assertEquals(2, list.size());
        assertEquals(before, list.get(0).get("id").asText());
        assertEquals(1, list.get(0).get("journalSeq").asInt());
        assertEquals(after, list.get(1).get("id").asText());
        JsonNode journal = dispatcher.get(JIZHOU + "/cases/" + id + "/journal").body();
        assertEquals("evidence:" + after, journal.get(list.get(1).get("journalSeq").asInt() - 1).get("attachments").get(0).asText());

        // another district: 404 under its own path and under this one
        Api donghu = api.as("dh-admin");
        assertEquals(404, donghu.get(DONGHU + "/evidence/" + before).status());
        assertEquals(404, donghu.bytes(JIZHOU + "/evidence/" + before + "/content").status());
        // a grid worker of another grid does not see the case, so not its photos either
        assertEquals(404, api.as("jz-grid2").bytes(JIZHOU + "/evidence/" + after + "/content").status());
        assertEquals(404, dispatcher.get(JIZHOU + "/evidence/not-a-uuid").status());
    }

    @Test
    public void open311ShowsThePhotoOfAPublicCaseOnly() throws Exception {
        Api dispatcher = api.as("jz-dispatcher");
        String photo = upload(dispatcher, gpsJpeg(), "");
        Api.Reply open = dispatcher.post(JIZHOU + "/cases", Map.of("title", "路灯不亮", "categoryCode", "CM0101",
                "channel", "open311", "gridCode", GRID, "attachments", List.of("evidence:" + photo)));
        assertEquals(open.toString(), 201, open.status());
        String secret = upload(dispatcher, gpsJpeg(), "");
        Api.Reply internal = dispatcher.post(JIZHOU + "/cases", Map.of("title", "路灯不亮", "categoryCode", "CM0101",
                "channel", "grid-worker", "gridCode", GRID, "attachments", List.of("evidence:" + secret)));
        assertEquals(internal.toString(), 201, internal.status());

        Open311Client open311 = new Open311Client(httpPort());
        JsonNode request = open311.get("requests/" + open.text("number") + ".json", "jurisdiction_id", "jizhou").json().get(0);
        String media = request.get("media_url").asText();
        assertTrue(media, media.endsWith("/open311/v2/media/jizhou/" + photo));
        Api.Bytes copy = api.anonymous().bytes(media.substring(media.indexOf("/open311/")));
        assertEquals(200, copy.status());
        assertFalse(hasExif(copy.body()));
        assertEquals(404, api.anonymous().bytes("/open311/v2/media/jizhou/" + secret).status());
        assertEquals(404, api.anonymous().bytes("/open311/v2/media/donghu/" + photo).status());
    }

    private static void step(Api as, String id, Map<String, Object> body) throws Exception {
        Api.Reply r = as.post(JIZHOU + "/cases/" + id + "/transitions", body);
        assertEquals(r.toString(), 200, r.status());
    }

    private static List<JsonNode> items(Api.Reply r) {
        assertEquals(r.toString(), 200, r.status());
        List<JsonNode> out = new ArrayList<>();
        r.body().forEach(out::add);
        return out;
    }
}
