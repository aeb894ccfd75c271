package org.gongzhi.core.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.gongzhi.core.evidence.EvidenceKind;
import org.gongzhi.core.evidence.EvidenceRejectedException;
import org.gongzhi.core.evidence.Rendition;
import org.gongzhi.core.evidence.StoredEvidence;
import org.junit.After;
import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;

/** {@link BlobEvidenceStore} on the filesystem and on a real S3-compatible server, with files built by {@link Fixtures}. */
@RunWith(Parameterized.class)
public class EvidenceStoreTest {

    @Parameters(name = "{0}")
    public static List<Object[]> stores() {
        return StoreKind.parameters();
    }

    private static ImageIoPlugins plugins;

    @BeforeClass
    public static void registerPlugins() {
        plugins = new ImageIoPlugins();
    }

    @AfterClass
    public static void deregisterPlugins() {
        plugins.close();
    }

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final StoreKind kind;
    private BlobStore blobs;
    private Path incoming;
    private BlobEvidenceStore store;
    private String tenant;

    public EvidenceStoreTest(StoreKind kind) {
        this.kind = kind;
    }

    @Before
    public void open() throws IOException {
        blobs = kind.open(folder.newFolder("store").toPath());
        incoming = folder.getRoot().toPath().resolve("incoming");
        store = new BlobEvidenceStore(blobs, BlobEvidenceStore.Limits.defaults(), incoming, plugins);
        tenant = "district-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @After
    public void close() {
        blobs.close();
    }

    @Test
    public void aPhotoWithGpsIsServedWithoutAnyMetadataWhileItsFactsAreReported() throws Exception {
        byte[] photo = Fixtures.jpegWithGps(Fixtures.picture(1200, 800, 1), 1);
        assertThat(gps(photo)).as("the fixture itself carries GPS").isNotNull();

        StoredEvidence stored = store.ingest(tenant, new ByteArrayInputStream(photo));

        assertThat(stored.kind()).isEqualTo(EvidenceKind.PHOTO);
        assertThat(stored.mediaType()).isEqualTo("image/jpeg");
        assertThat(stored.displayMediaType()).isEqualTo("image/jpeg");
        assertThat(stored.size()).isEqualTo(photo.length);
        assertThat(stored.sha256()).isEqualTo(sha256(photo));
        assertThat(stored.width()).isEqualTo(1200);
        assertThat(stored.height()).isEqualTo(800);
        assertThat(stored.thumbnail()).isTrue();
        assertThat(stored.duplicate()).isFalse();
        assertThat(stored.latitude()).isCloseTo(Fixtures.LATITUDE, within(1e-6));
        assertThat(stored.longitude()).isCloseTo(Fixtures.LONGITUDE, within(1e-6));
        assertThat(stored.capturedAt()).isEqualTo(Instant.parse("2026-11-20T06:30:05Z")); // 14:30:05 in Beijing

        byte[] display = read(stored, Rendition.DISPLAY);
        assertThat(gps(display)).isNull();
        Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(display));
        assertThat(metadata.getDirectoriesOfType(ExifIFD0Directory.class)).isEmpty();
        assertThat(Fixtures.contains(display, "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1))).isFalse();
        assertThat(image(display).getWidth()).isEqualTo(1200);

        byte[] thumbnail = read(stored, Rendition.THUMBNAIL);
        assertThat(gps(thumbnail)).isNull();
        BufferedImage small = image(thumbnail);
        assertThat(small.getWidth()).isEqualTo(320);
        assertThat(small.getHeight()).isEqualTo(213);

        assertThat(read(stored, Rendition.ORIGINAL)).as("the original keeps its bytes").isEqualTo(photo);
    }

    @Test
    public void exifOrientationIsAppliedToTheServedCopies() throws Exception {
        byte[] photo = Fixtures.jpegWithGps(Fixtures.picture(400, 200, 2), 6); // rotate 90° clockwise

        StoredEvidence stored = store.ingest(tenant, new ByteArrayInputStream(photo));

        assertThat(stored.width()).isEqualTo(200);
        assertThat(stored.height()).isEqualTo(400);
        BufferedImage display = image(read(stored, Rendition.DISPLAY));
        assertThat(display.getWidth()).isEqualTo(200);
        assertThat(display.getHeight()).isEqualTo(400);
        BufferedImage thumbnail = image(read(stored, Rendition.THUMBNAIL));
        assertThat(thumbnail.getWidth()).isEqualTo(160);
        assertThat(thumbnail.getHeight()).isEqualTo(320);
    }

    @Test
    public void aLargePhotoIsScaledToTheDisplayEdge() throws Exception {
        byte[] photo = Fixtures.jpeg(Fixtures.picture(5000, 3000, 3), 0.85f);

        StoredEvidence stored = store.ingest(tenant, new ByteArrayInputStream(photo));

        assertThat(stored.width()).isEqualTo(StoredEvidence.DISPLAY_MAX_EDGE);
        assertThat(stored.height()).isBetween(1226, 1230);
        BufferedImage display = image(read(stored, Rendition.DISPLAY));
        assertThat(display.getWidth()).isEqualTo(StoredEvidence.DISPLAY_MAX_EDGE);
        assertThat(stored.capturedAt()).isNull();
        assertThat(stored.latitude()).isNull();
    }

    @Test
    public void aPngNamedJpgIsAPng() throws Exception {
        byte[] png = Fixtures.png(Fixtures.picture(300, 200, 4));
        // names and client types never reach the store; the bytes are all it sees

        StoredEvidence stored = store.ingest(tenant, new ByteArrayInputStream(png));

        assertThat(stored.kind()).isEqualTo(EvidenceKind.PHOTO);
        assertThat(stored.mediaType()).isEqualTo("image/png");
        assertThat(stored.displayMediaType()).isEqualTo("image/png");
        byte[] display = read(stored, Rendition.DISPLAY);
        assertThat(Arrays.copyOf(display, 4)).isEqualTo(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        assertThat(image(display).getWidth()).isEqualTo(300);
        assertThat(Arrays.copyOf(read(stored, Rendition.THUMBNAIL), 2)).isEqualTo(new byte[] {(byte) 0xff, (byte) 0xd8});
    }

    @Test
    public void anExecutableNamedJpgIsRefused() {
        assertThatThrownBy(() -> store.ingest(tenant, new ByteArrayInputStream(Fixtures.elf())))
                .isInstanceOfSatisfying(EvidenceRejectedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(EvidenceRejectedException.UNSUPPORTED_TYPE);
                    assertThat(e.httpStatus()).isEqualTo(415);
                    assertThat(e.detectedType()).isNotIn(TypeSniffer.ALLOWED.keySet());
                });
        assertNothingLeftBehind();
    }

    @Test
    public void htmlAndZipAreRefused() {
        byte[] html = "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8);
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        for (byte[] body : List.of(html, zip)) {
            assertThatThrownBy(() -> store.ingest(tenant, new ByteArrayInputStream(body)))
                    .isInstanceOfSatisfying(EvidenceRejectedException.class,
                            e -> assertThat(e.reason()).isEqualTo(EvidenceRejectedException.UNSUPPORTED_TYPE));
        }
    }

    @Test
    public void webpIsDecodedAndThumbnailed() throws Exception {
        for (String name : List.of("sample.webp", "sample-lossless.webp")) {
            StoredEvidence stored = store.ingest(tenant, new ByteArrayInputStream(Fixtures.resource(name)));

            assertThat(stored.mediaType()).isEqualTo("image/webp");
            assertThat(stored.displayMediaType()).isEqualTo("image/jpeg");
            assertThat(stored.width()).isEqualTo(640);
            assertThat(stored.height()).isEqualTo(427);
            BufferedImage thumbnail = image(read(stored, Rendition.THUMBNAIL));
            assertThat(thumbnail.getWidth()).isEqualTo(320);
            // the chequer survives: a light and a dark square differ in blue
            BufferedImage display = image(read(stored, Rendition.DISPLAY));
            int dark = display.getRGB(20, 20) & 0xff;
            int light = display.getRGB(60, 20) & 0xff;
            assertThat(light - dark).isGreaterThan(60);
        }
    }

    @Test
    public void aTruncatedJpegIsUnreadable() {
        byte[] photo = Fixtures.jpeg(Fixtures.picture(800, 600, 5), 0.9f);
        byte[] truncated = Arrays.copyOf(photo, photo.length * 6 / 10);

        assertThatThrownBy(() -> store.ingest(tenant, new ByteArrayInputStream(truncated)))
                .isInstanceOfSatisfying(EvidenceRejectedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(EvidenceRejectedException.UNREADABLE);
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.detectedType()).isEqualTo("image/jpeg");
                });
        assertNothingLeftBehind();
    }

    @Test
    public void anEmptyBodyIsUnreadable() {
        assertThatThrownBy(() -> store.ingest(tenant, new ByteArrayInputStream(new byte[0])))
                .isInstanceOfSatisfying(EvidenceRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(EvidenceRejectedException.UNREADABLE));
    }

    @Test
    public void overTheLimitIsTooLargeAndLeavesNoTemporaryFile() throws Exception {
        BlobEvidenceStore small = new BlobEvidenceStore(blobs,
                new BlobEvidenceStore.Limits(200_000, 1_000_000, 100_000, 100_000_000L, 2, TimeZone.getDefault()),
                incoming, plugins);
        // longer than every limit: the copy stops early, the rest of the body is never read
        CountingStream endless = new CountingStream(Fixtures.jpeg(Fixtures.picture(64, 64, 6), 0.9f), 50_000_000);
        assertThatThrownBy(() -> small.ingest(tenant, endless))
                .isInstanceOfSatisfying(EvidenceRejectedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(EvidenceRejectedException.TOO_LARGE);
                    assertThat(e.httpStatus()).isEqualTo(413);
                });
        assertThat(endless.read).isLessThan(1_200_000);
        assertNothingLeftBehind();

        // within the largest limit (video) but over the photo limit
        byte[] photo = Fixtures.jpeg(Fixtures.noisy(Fixtures.picture(600, 600, 7), 7), 0.98f);
        assertThat(photo.length).isBetween(200_001, 1_000_000);
        assertThatThrownBy(() -> small.ingest(tenant, new ByteArrayInputStream(photo)))
                .isInstanceOfSatisfying(EvidenceRejectedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(EvidenceRejectedException.TOO_LARGE);
                    assertThat(e.detectedType()).isEqualTo("image/jpeg");
                });
        assertNothingLeftBehind();
        assertThat(small.open(tenant, sha256(photo), Rendition.ORIGINAL)).isEmpty();
    }

    @Test
    public void tooManyPixelsIsTooLarge() throws Exception {
        BlobEvidenceStore strict = new BlobEvidenceStore(blobs,
                new BlobEvidenceStore.Limits(20 << 20, 20 << 20, 20 << 20, 10_000, 2, TimeZone.getDefault()),
                incoming, plugins);
        byte[] png = Fixtures.png(Fixtures.picture(200, 200, 8));
        assertThatThrownBy(() -> strict.ingest(tenant, new ByteArrayInputStream(png)))
                .isInstanceOfSatisfying(EvidenceRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(EvidenceRejectedException.TOO_LARGE));
        assertNothingLeftBehind();
    }

    @Test
    public void theSameBytesAreStoredOnce() throws Exception {
        byte[] photo = Fixtures.jpegWithGps(Fixtures.picture(640, 480, 9), 1);

        StoredEvidence first = store.ingest(tenant, new ByteArrayInputStream(photo));
        StoredEvidence second = store.ingest(tenant, new ByteArrayInputStream(photo));

        assertThat(first.duplicate()).isFalse();
        assertThat(second.duplicate()).isTrue();
        assertThat(second.sha256()).isEqualTo(first.sha256());
        assertThat(second).usingRecursiveComparison().ignoringFields("duplicate").isEqualTo(first);
        assertThat(read(second, Rendition.DISPLAY)).isEqualTo(read(first, Rendition.DISPLAY));

        StoredEvidence elsewhere = store.ingest("other-" + tenant.substring(9), new ByteArrayInputStream(photo));
        assertThat(elsewhere.duplicate()).as("districts do not share evidence").isFalse();
    }

    @Test
    public void openIsEmptyForUnknownOrMalformedAddresses() throws Exception {
        assertThat(store.open(tenant, "0".repeat(64), Rendition.DISPLAY)).isEmpty();
        assertThat(store.open(tenant, "../../etc/passwd", Rendition.ORIGINAL)).isEmpty();
        assertThat(store.open("../x", "0".repeat(64), Rendition.ORIGINAL)).isEmpty();
        assertThatThrownBy(() -> store.ingest("Not A Tenant", new ByteArrayInputStream(new byte[1])))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    public void aPdfIsServedAsItIsWithoutThumbnail() throws Exception {
        byte[] pdf = ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);

        StoredEvidence stored = store.ingest(tenant, new ByteArrayInputStream(pdf));

        assertThat(stored.kind()).isEqualTo(EvidenceKind.DOCUMENT);
        assertThat(stored.mediaType()).isEqualTo("application/pdf");
        assertThat(stored.displayMediaType()).isEqualTo("application/pdf");
        assertThat(stored.thumbnail()).isFalse();
        assertThat(stored.width()).isNull();
        assertThat(read(stored, Rendition.DISPLAY)).isEqualTo(pdf);
        assertThat(store.open(tenant, stored.sha256(), Rendition.THUMBNAIL)).isEmpty();
    }

    @Test
    public void heicIsStoredWithItsExifPayloadErased() throws Exception {
        byte[] heic = Fixtures.heicWithGps();
        assertThat(gps(heic)).as("metadata-extractor finds the fixture's GPS").isNotNull();

        StoredEvidence stored = store.ingest(tenant, new ByteArrayInputStream(heic));

        assertThat(stored.kind()).isEqualTo(EvidenceKind.PHOTO);
        assertThat(stored.mediaType()).isEqualTo("image/heic");
        assertThat(stored.displayMediaType()).isEqualTo("image/heic");
        assertThat(stored.thumbnail()).isFalse();
        assertThat(stored.latitude()).isCloseTo(Fixtures.LATITUDE, within(1e-6));
        assertThat(stored.capturedAt()).isEqualTo(Instant.parse("2026-11-20T06:30:05Z"));

        byte[] display = read(stored, Rendition.DISPLAY);
        assertThat(display).hasSameSizeAs(heic);
        assertThat(gps(display)).isNull();
        assertThat(Fixtures.contains(display, Fixtures.tiff(1))).isFalse();
        // everything but the Exif payload is untouched: the coded image data is where it was
        int exifStart = heic.length - (4 + 6 + Fixtures.tiff(1).length);
        assertThat(Arrays.copyOf(display, exifStart)).isEqualTo(Arrays.copyOf(heic, exifStart));
        assertThat(store.open(tenant, stored.sha256(), Rendition.THUMBNAIL)).isEmpty();
    }

    @Test
    public void mp4LocationIsErasedAndReported() throws Exception {
        long created = 3_846_000_000L; // seconds since 1904: 2025-11-15
        byte[] mp4 = Fixtures.mp4WithLocation("+28.6820+115.8579/", created);

        StoredEvidence stored = store.ingest(tenant, new ByteArrayInputStream(mp4));

        assertThat(stored.kind()).isEqualTo(EvidenceKind.VIDEO);
        assertThat(stored.mediaType()).isEqualTo("video/mp4");
        assertThat(stored.latitude()).isEqualTo(28.6820);
        assertThat(stored.longitude()).isEqualTo(115.8579);
        assertThat(stored.capturedAt()).isEqualTo(Instant.ofEpochSecond(created - 2_082_844_800L));
        assertThat(stored.thumbnail()).isFalse();
        byte[] display = read(stored, Rendition.DISPLAY);
        assertThat(display).hasSameSizeAs(mp4);
        assertThat(Fixtures.contains(display, "+28.6820".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(Fixtures.contains(display, "\u00a9xyz".getBytes(StandardCharsets.ISO_8859_1))).isFalse();
        assertThat(Fixtures.contains(display, "udta".getBytes(StandardCharsets.US_ASCII))).isTrue();
        assertThat(Arrays.copyOfRange(display, display.length - 3000, display.length))
                .isEqualTo(Arrays.copyOfRange(mp4, mp4.length - 3000, mp4.length));

        StoredEvidence again = store.ingest(tenant, new ByteArrayInputStream(mp4));
        assertThat(again.duplicate()).isTrue();
        assertThat(again.latitude()).isEqualTo(28.6820);
    }

    @Test
    public void quickTimeLocationKeysAreErased() throws Exception {
        byte[] mov = Fixtures.quickTimeWithLocation("+28.6820+115.8579+031.000/");

        StoredEvidence stored = store.ingest(tenant, new ByteArrayInputStream(mov));

        assertThat(stored.mediaType()).isEqualTo("video/quicktime");
        assertThat(stored.latitude()).isEqualTo(28.6820);
        byte[] display = read(stored, Rendition.DISPLAY);
        assertThat(Fixtures.contains(display, "+28.6820".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(Fixtures.contains(display, "Apple".getBytes(StandardCharsets.US_ASCII)))
                .as("other metadata stays").isTrue();
    }

    @Test
    public void aBrokenVideoIsUnreadable() {
        byte[] mp4 = Fixtures.mp4WithLocation("+28.6820+115.8579/", 0);
        byte[] broken = Arrays.copyOf(mp4, 200); // moov claims more bytes than there are
        assertThatThrownBy(() -> store.ingest(tenant, new ByteArrayInputStream(broken)))
                .isInstanceOfSatisfying(EvidenceRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(EvidenceRejectedException.UNREADABLE));
    }

    // ---- helpers ----

    private byte[] read(StoredEvidence stored, Rendition rendition) throws IOException {
        try (InputStream in = store.open(tenant, stored.sha256(), rendition).orElseThrow(
                () -> new AssertionError("no " + rendition + " of " + stored.sha256()))) {
            return in.readAllBytes();
        }
    }

    private static BufferedImage image(byte[] bytes) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertThat(image).as("decodable").isNotNull();
        return image;
    }

    private static com.drew.lang.GeoLocation gps(byte[] bytes) {
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes));
            for (GpsDirectory gps : metadata.getDirectoriesOfType(GpsDirectory.class)) {
                if (gps.getGeoLocation() != null) {
                    return gps.getGeoLocation();
                }
            }
            return null;
        } catch (Exception e) {
            return null; // no readable metadata at all
        }
    }

    private void assertNothingLeftBehind() {
        try (var files = Files.list(incoming)) {
            assertThat(files).as("temporary files in " + incoming).isEmpty();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes))
                .toLowerCase(Locale.ROOT);
    }

    /** A body that starts with real bytes and then goes on with zeros up to {@code length}; counts what was read. */
    private static final class CountingStream extends InputStream {
        private final byte[] start;
        private final long length;
        long read;

        CountingStream(byte[] start, long length) {
            this.start = start;
            this.length = length;
        }

        @Override
        public int read() {
            if (read >= length) {
                return -1;
            }
            return read < start.length ? start[(int) read++] & 0xff : (int) (0 * read++);
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (read >= length) {
                return -1;
            }
            int n = (int) Math.min(len, length - read);
            for (int i = 0; i < n; i++) {
                b[off + i] = read + i < start.length ? start[(int) (read + i)] : 0;
            }
            read += n;
            return n;
        }
    }
}
