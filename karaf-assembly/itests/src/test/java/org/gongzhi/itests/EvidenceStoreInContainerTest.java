package org.gongzhi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;
import javax.inject.Inject;

import org.gongzhi.core.evidence.EvidenceKind;
import org.gongzhi.core.evidence.EvidenceRejectedException;
import org.gongzhi.core.evidence.EvidenceStore;
import org.gongzhi.core.evidence.Rendition;
import org.gongzhi.core.evidence.StoredEvidence;
import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The evidence bundle inside the distribution: its embedded libraries work in OSGi (Tika's type database, the
 * TwelveMonkeys readers registered with ImageIO, metadata-extractor, Thumbnailator), on the default filesystem store,
 * and nothing it does writes an ERROR to karaf.log. The HTTP side belongs to the REST evidence endpoints.
 */
public class EvidenceStoreInContainerTest extends PlatformTestSupport {

    @Inject
    private EvidenceStore evidence;

    @Inject
    private BundleContext bundles;

    @Test
    public void photosAreSniffedDecodedAndServedWithoutMetadata() throws Exception {
        KarafLog log = KarafLog.markEnd(Path.of(System.getProperty("karaf.data"), "log", "karaf.log"));
        Bundle bundle = List.of(bundles.getBundles()).stream()
                .filter(b -> "org.gongzhi.evidence".equals(b.getSymbolicName())).findFirst().orElseThrow();
        assertEquals(Bundle.ACTIVE, bundle.getState());

        byte[] jpeg = insertExif(jpeg(picture(1600, 1200)));
        StoredEvidence photo = evidence.ingest("jizhou", new ByteArrayInputStream(jpeg));
        assertEquals(EvidenceKind.PHOTO, photo.kind());
        assertEquals("image/jpeg", photo.mediaType());
        assertEquals(Integer.valueOf(1600), photo.width());
        assertTrue("latitude read from GPS EXIF: " + photo.latitude(), Math.abs(photo.latitude() - 28.5) < 1e-6);
        byte[] display = read(photo, Rendition.DISPLAY);
        assertEquals(1600, ImageIO.read(new ByteArrayInputStream(display)).getWidth());
        assertFalse("no Exif in the served copy", contains(display, "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(320, ImageIO.read(new ByteArrayInputStream(read(photo, Rendition.THUMBNAIL))).getWidth());
        assertTrue(evidence.ingest("jizhou", new ByteArrayInputStream(jpeg)).duplicate());
        Path stored = Path.of(System.getProperty("karaf.data"), "evidence", "jizhou", photo.sha256().substring(0, 2),
                photo.sha256(), "original");
        assertTrue("default store under karaf.data: " + stored, stored.toFile().isFile());

        byte[] webp;
        try (InputStream in = getClass().getResourceAsStream("/evidence/sample.webp")) {
            webp = in.readAllBytes();
        }
        StoredEvidence decodedWebp = evidence.ingest("jizhou", new ByteArrayInputStream(webp));
        assertEquals("image/webp", decodedWebp.mediaType());
        assertEquals(Integer.valueOf(640), decodedWebp.width());

        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(picture(200, 100), "png", png);
        assertEquals("image/png", evidence.ingest("jizhou", new ByteArrayInputStream(png.toByteArray())).mediaType());

        byte[] elf = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0};
        try {
            evidence.ingest("jizhou", new ByteArrayInputStream(elf));
            fail("an executable was stored");
        } catch (EvidenceRejectedException e) {
            assertEquals(EvidenceRejectedException.UNSUPPORTED_TYPE, e.reason());
        }
        assertEquals("ERROR lines in karaf.log", List.of(), log.errorsSince());
    }

    private byte[] read(StoredEvidence stored, Rendition rendition) throws IOException {
        try (InputStream in = evidence.open("jizhou", stored.sha256(), rendition).orElseThrow()) {
            return in.readAllBytes();
        }
    }

    private static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        for (int i = 0; i < 40; i++) {
            g.setColor(new Color(i * 6, 255 - i * 6, (i * 37) % 255));
            g.fillRect(i * width / 40, 0, width / 40 + 1, height);
        }
        g.dispose();
        return image;
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }

    /** An APP1 Exif segment right after SOI with one GPS IFD: 28°30'N, 115°E. */
    private static byte[] insertExif(byte[] jpeg) {
        ByteBuffer tiff = ByteBuffer.allocate(128);
        tiff.put("MM".getBytes(StandardCharsets.ISO_8859_1)).putShort((short) 42).putInt(8);
        tiff.putShort((short) 1).putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(26).putInt(0);
        tiff.putShort((short) 4);
        tiff.putShort((short) 1).putShort((short) 2).putInt(2).putInt('N' << 24);
        tiff.putShort((short) 2).putShort((short) 5).putInt(3).putInt(80);
        tiff.putShort((short) 3).putShort((short) 2).putInt(2).putInt('E' << 24);
        tiff.putShort((short) 4).putShort((short) 5).putInt(3).putInt(104);
        tiff.putInt(0);
        tiff.putInt(28).putInt(1).putInt(30).putInt(1).putInt(0).putInt(1);
        tiff.putInt(115).putInt(1).putInt(0).putInt(1).putInt(0).putInt(1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        int length = 2 + 6 + tiff.position();
        out.write(0xff);
        out.write(0xe1);
        out.write(length >> 8);
        out.write(length & 0xff);
        out.writeBytes("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
        out.write(tiff.array(), 0, tiff.position());
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
