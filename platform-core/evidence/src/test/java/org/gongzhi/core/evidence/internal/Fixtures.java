package org.gongzhi.core.evidence.internal;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Test files built in code: JPEGs with EXIF/GPS, PNGs, an ELF header, ISO-BMFF (HEIC, MP4, QuickTime) skeletons. */
final class Fixtures {

    /** 南昌 (Nanchang) in degrees, minutes, seconds as the EXIF rationals below write it. */
    static final double LATITUDE = 28 + 40 / 60.0 + 55.2 / 3600;
    static final double LONGITUDE = 115 + 51 / 60.0 + 28.44 / 3600;
    static final String DATE_TIME_ORIGINAL = "2026:11:20 14:30:05";

    private Fixtures() {
    }

    /** A picture with structure (gradient, stripes, noise) so JPEG sizes are realistic. */
    static BufferedImage picture(int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(30, 90, 160), width, height, new Color(220, 180, 60)));
        g.fillRect(0, 0, width, height);
        Random random = new Random(seed);
        for (int i = 0; i < 200; i++) {
            g.setColor(new Color(random.nextInt(0xffffff)));
            g.fillOval(random.nextInt(width), random.nextInt(height), 5 + random.nextInt(width / 8 + 1),
                    5 + random.nextInt(height / 8 + 1));
        }
        g.dispose();
        return image;
    }

    /** Adds pixel noise so a JPEG of this picture compresses like a camera photo (≈ 3–5 bits per pixel). */
    static BufferedImage noisy(BufferedImage image, long seed) {
        Random random = new Random(seed);
        byte[] data = ((java.awt.image.DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) Math.max(0, Math.min(255, (data[i] & 0xff) + random.nextInt(49) - 24));
        }
        return image;
    }

    static byte[] jpeg(BufferedImage image, float quality) {
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(quality);
                writer.write(null, new IIOImage(image, null, null), param);
            } finally {
                writer.dispose();
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageIO.write(image, "png", bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JPEG with an APP1 Exif segment: orientation, DateTimeOriginal and GPS (28°40'55.2"N 115°51'28.44"E). */
    static byte[] jpegWithGps(BufferedImage image, int orientation) {
        return insertApp1(jpeg(image, 0.9f), exifApp1(orientation));
    }

    /** The APP1 payload: "Exif\0\0" and a big-endian TIFF structure. */
    static byte[] exifApp1(int orientation) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(tiff(orientation));
        return out.toByteArray();
    }

    /** TIFF: IFD0 (Orientation, ExifIFD, GPSInfo) at 8, Exif IFD, GPS IFD, then the values. */
    static byte[] tiff(int orientation) {
        ByteBuffer b = ByteBuffer.allocate(512);
        b.put("MM".getBytes(StandardCharsets.ISO_8859_1)).putShort((short) 42).putInt(8);
        int ifd0 = 8;                      // 3 entries: 2 + 36 + 4 = 42
        int exifIfd = ifd0 + 42;           // 1 entry: 2 + 12 + 4 = 18
        int gpsIfd = exifIfd + 18;         // 4 entries: 2 + 48 + 4 = 54
        int values = gpsIfd + 54;
        int dateAt = values;               // 20 bytes
        int latAt = dateAt + 20;           // 3 rationals = 24 bytes
        int lonAt = latAt + 24;
        b.position(ifd0);
        b.putShort((short) 3);
        entry(b, 0x0112, 3, 1, orientation << 16);
        entry(b, 0x8769, 4, 1, exifIfd);
        entry(b, 0x8825, 4, 1, gpsIfd);
        b.putInt(0);
        b.putShort((short) 1);
        entry(b, 0x9003, 2, 20, dateAt);
        b.putInt(0);
        b.putShort((short) 4);
        entry(b, 0x0001, 2, 2, 'N' << 24);
        entry(b, 0x0002, 5, 3, latAt);
        entry(b, 0x0003, 2, 2, 'E' << 24);
        entry(b, 0x0004, 5, 3, lonAt);
        b.putInt(0);
        b.put((DATE_TIME_ORIGINAL + "\0").getBytes(StandardCharsets.ISO_8859_1));
        b.putInt(28).putInt(1).putInt(40).putInt(1).putInt(552).putInt(10);
        b.putInt(115).putInt(1).putInt(51).putInt(1).putInt(2844).putInt(100);
        byte[] tiff = new byte[b.position()];
        b.flip().get(tiff);
        return tiff;
    }

    private static void entry(ByteBuffer b, int tag, int type, int count, int value) {
        b.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
    }

    /** Inserts an APP1 segment right after SOI (and the JFIF APP0, if any). */
    static byte[] insertApp1(byte[] jpeg, byte[] payload) {
        int at = 2;
        if ((jpeg[2] & 0xff) == 0xff && (jpeg[3] & 0xff) == 0xe0) {
            at = 4 + (((jpeg[4] & 0xff) << 8) | (jpeg[5] & 0xff));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, at);
        out.write(0xff);
        out.write(0xe1);
        int length = payload.length + 2;
        out.write(length >> 8);
        out.write(length & 0xff);
        out.writeBytes(payload);
        out.write(jpeg, at, jpeg.length - at);
        return out.toByteArray();
    }

    /** The start of a 64-bit Linux executable, padded with code-like bytes. */
    static byte[] elf() {
        byte[] bytes = new byte[4096];
        new Random(7).nextBytes(bytes);
        byte[] header = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0, 1, 0, 0, 0};
        System.arraycopy(header, 0, bytes, 0, header.length);
        return bytes;
    }

    static byte[] resource(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- ISO base media files ----

    static byte[] box(String type, byte[]... payload) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] part : payload) {
            content.writeBytes(part);
        }
        ByteBuffer b = ByteBuffer.allocate(8 + content.size());
        b.putInt(8 + content.size()).put(type.getBytes(StandardCharsets.ISO_8859_1)).put(content.toByteArray());
        return b.array();
    }

    static byte[] fullBox(String type, int version, byte[]... payload) {
        byte[][] all = new byte[payload.length + 1][];
        all[0] = new byte[] {(byte) version, 0, 0, 0};
        System.arraycopy(payload, 0, all, 1, payload.length);
        return box(type, all);
    }

    static byte[] ints(int... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4);
        for (int v : values) {
            b.putInt(v);
        }
        return b.array();
    }

    static byte[] shorts(int... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 2);
        for (int v : values) {
            b.putShort((short) v);
        }
        return b.array();
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * A HEIC skeleton: ftyp heic, meta (hdlr pict, pitm, iinf with an hvc1 item and an Exif item, iloc pointing
     * both into mdat), mdat holding fake coded image data and the Exif payload (with GPS). Not decodable as an
     * image (no decoder in Java anyway), but structurally what a phone writes.
     */
    static byte[] heicWithGps() {
        byte[] ftyp = box("ftyp", ascii("heic"), ints(0), ascii("mif1heic"));
        byte[] imageData = new byte[2000];
        new Random(3).nextBytes(imageData);
        byte[] exif = new byte[4 + 6 + tiff(1).length];
        ByteBuffer.wrap(exif).putInt(6).put(ascii("Exif\0\0")).put(tiff(1));
        byte[] hdlr = fullBox("hdlr", 0, ints(0), ascii("pict"), ints(0, 0, 0), new byte[] {0});
        byte[] pitm = fullBox("pitm", 0, shorts(1));
        byte[] infe1 = fullBox("infe", 2, shorts(1, 0), ascii("hvc1"), new byte[] {0});
        byte[] infe2 = fullBox("infe", 2, shorts(2, 0), ascii("Exif"), new byte[] {0});
        byte[] iinf = fullBox("iinf", 0, shorts(2), infe1, infe2);
        // iloc v0: offset_size 4, length_size 4, base_offset_size 0; offsets patched below
        int ilocLength = 8 + 4 + 2 + 2 + 2 * (2 + 2 + 2 + 8);
        int metaLength = 12 + hdlr.length + pitm.length + iinf.length + ilocLength;
        int mdatPayload = ftyp.length + metaLength + 8;
        byte[] iloc = fullBox("iloc", 0, shorts(0x4400, 2),
                shorts(1, 0, 1), ints(mdatPayload, imageData.length),
                shorts(2, 0, 1), ints(mdatPayload + imageData.length, exif.length));
        byte[] meta = fullBox("meta", 0, hdlr, pitm, iinf, iloc);
        if (meta.length != metaLength) {
            throw new IllegalStateException("meta length " + meta.length + " != " + metaLength);
        }
        byte[] mdat = box("mdat", imageData, exif);
        return concat(ftyp, meta, mdat);
    }

    /** An MP4 skeleton: ftyp isom, moov (mvhd with a creation time, udta/©xyz), mdat. */
    static byte[] mp4WithLocation(String iso6709, long creationSeconds1904) {
        byte[] ftyp = box("ftyp", ascii("isom"), ints(0x200), ascii("isomiso2avc1mp41"));
        byte[] mvhd = fullBox("mvhd", 0, ints((int) creationSeconds1904, (int) creationSeconds1904, 1000, 5000),
                new byte[80]);
        byte[] text = ascii(iso6709);
        byte[] xyz = box("\u00a9xyz", shorts(text.length, 0x15c7), text);
        byte[] moov = box("moov", mvhd, box("udta", xyz));
        byte[] media = new byte[3000];
        new Random(5).nextBytes(media);
        return concat(ftyp, moov, box("mdat", media));
    }

    /** A QuickTime skeleton: ftyp qt, mdat, then moov/meta with keys + ilst (com.apple.quicktime.location.ISO6709). */
    static byte[] quickTimeWithLocation(String iso6709) {
        byte[] ftyp = box("ftyp", ascii("qt  "), ints(0), ascii("qt  "));
        byte[] media = new byte[3000];
        new Random(6).nextBytes(media);
        byte[] hdlr = fullBox("hdlr", 0, ints(0), ascii("mdta"), ints(0, 0, 0), new byte[] {0});
        byte[] key1 = ascii("com.apple.quicktime.location.ISO6709");
        byte[] key2 = ascii("com.apple.quicktime.make");
        byte[] keys = fullBox("keys", 0, ints(2), ints(8 + key1.length), ascii("mdta"), key1,
                ints(8 + key2.length), ascii("mdta"), key2);
        byte[] value1 = box("data", ints(1, 0), ascii(iso6709));
        byte[] value2 = box("data", ints(1, 0), ascii("Apple"));
        byte[] item1 = box("\0\0\0\1", value1);
        byte[] item2 = box("\0\0\0\2", value2);
        byte[] meta = box("meta", hdlr, keys, box("ilst", item1, item2));
        byte[] mvhd = fullBox("mvhd", 0, ints(0, 0, 600, 3000), new byte[80]);
        return concat(ftyp, box("mdat", media), box("moov", mvhd, meta));
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static boolean contains(byte[] haystack, byte[] needle) {
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
