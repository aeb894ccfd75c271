package org.gongzhi.core.evidence.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;

import javax.imageio.IIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.FileImageOutputStream;
import javax.imageio.stream.ImageInputStream;

import org.gongzhi.core.evidence.StoredEvidence;

import net.coobird.thumbnailator.Thumbnails;

/**
 * Turns a JPEG, PNG or WebP original into the copies that may be served: a display copy of at most
 * {@link StoredEvidence#DISPLAY_MAX_EDGE} px and a JPEG thumbnail of at most {@link StoredEvidence#THUMBNAIL_MAX_EDGE}
 * px, both upright (EXIF orientation applied) and re-encoded from pixels, so no metadata of the original survives
 * (no EXIF, GPS, XMP, ICC profile or comment). Scaling is Thumbnailator's.
 *
 * <p>Memory: a decoded photo is width × height × 3 bytes (36 MB for 12 MP). Sources much larger than the display
 * size are decoded with subsampling, the pixel count is checked from the header before decoding (decompression
 * bombs), and at most {@code permits} photos are decoded at once, so heap use does not grow with concurrent uploads.
 */
final class PhotoRenderer {

    /** A PNG display copy larger than this is written as JPEG instead (a photo saved as PNG). */
    static final long PNG_DISPLAY_MAX_BYTES = 4L * 1024 * 1024;
    private static final float DISPLAY_QUALITY = 0.85f;
    private static final float THUMBNAIL_QUALITY = 0.8f;

    /** What was written. */
    record Rendered(String displayMediaType, int width, int height) {
    }

    /** The photo cannot be decoded ({@code tooManyPixels}: it could, but is over the pixel limit). */
    static final class UndecodableException extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean tooManyPixels;

        UndecodableException(String message, boolean tooManyPixels) {
            super(message);
            this.tooManyPixels = tooManyPixels;
        }

        boolean tooManyPixels() {
            return tooManyPixels;
        }
    }

    private final ImageIoPlugins plugins;
    private final long maxPixels;
    private final Semaphore decodes;

    PhotoRenderer(ImageIoPlugins plugins, long maxPixels, int permits) {
        this.plugins = plugins;
        this.maxPixels = maxPixels;
        this.decodes = new Semaphore(Math.max(1, permits), true);
    }

    Rendered render(Path original, String mediaType, int orientation, Path display, Path thumbnail)
            throws IOException, UndecodableException {
        try {
            decodes.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting to decode");
        }
        try {
            BufferedImage image = decode(original, mediaType);
            image = upright(fit(image, StoredEvidence.DISPLAY_MAX_EDGE), orientation);
            String displayType = "image/jpeg";
            if ("image/png".equals(mediaType)) {
                writePng(image, display);
                if (Files.size(display) <= PNG_DISPLAY_MAX_BYTES) {
                    displayType = "image/png";
                } else {
                    writeJpeg(opaque(image), display, DISPLAY_QUALITY);
                }
            } else {
                writeJpeg(opaque(image), display, DISPLAY_QUALITY);
            }
            writeJpeg(opaque(fit(image, StoredEvidence.THUMBNAIL_MAX_EDGE)), thumbnail, THUMBNAIL_QUALITY);
            return new Rendered(displayType, image.getWidth(), image.getHeight());
        } finally {
            decodes.release();
        }
    }

    private BufferedImage decode(Path file, String mediaType) throws IOException, UndecodableException {
        ImageReader reader = plugins.reader(mediaType);
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        try (ImageInputStream in = new FileImageInputStream(file.toFile())) {
            reader.setInput(in, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width <= 0 || height <= 0) {
                throw new UndecodableException("no image", false);
            }
            if ((long) width * height > maxPixels) {
                throw new UndecodableException(width + "×" + height + " pixels, more than " + maxPixels, true);
            }
            ImageReadParam param = reader.getDefaultReadParam();
            int subsampling = Math.max(width, height) / StoredEvidence.DISPLAY_MAX_EDGE;
            if (subsampling > 1) {
                param.setSourceSubsampling(subsampling, subsampling, 0, 0);
            }
            BufferedImage image = reader.read(0, param);
            for (String warning : warnings) {
                String lower = warning.toLowerCase(Locale.ROOT);
                if (lower.contains("premature end") || lower.contains("truncat")) {
                    throw new UndecodableException("truncated: " + warning, false);
                }
            }
            return image;
        } catch (IIOException | IndexOutOfBoundsException | IllegalArgumentException | java.io.EOFException e) {
            throw new UndecodableException(String.valueOf(e.getMessage()), false);
        } catch (RuntimeException e) { // decoders of hostile input throw anything
            throw new UndecodableException(e.getClass().getSimpleName() + ": " + e.getMessage(), false);
        } finally {
            reader.dispose();
        }
    }

    /** Scaled down so the long edge is at most {@code edge}; never scaled up. */
    private static BufferedImage fit(BufferedImage image, int edge) throws IOException {
        int longEdge = Math.max(image.getWidth(), image.getHeight());
        if (longEdge <= edge) {
            return image;
        }
        return Thumbnails.of(image).scale((double) edge / longEdge).asBufferedImage();
    }

    /** Applies EXIF orientation 2–8 (mirror and/or quarter turns) to the pixels. */
    static BufferedImage upright(BufferedImage image, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        AffineTransform t = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
            default -> new AffineTransform(0, -1, 1, 0, 0, w);
        };
        boolean turned = orientation >= 5;
        BufferedImage out = new BufferedImage(turned ? h : w, turned ? w : h,
                image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(image, t, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** The image as 8-bit RGB; transparent parts on white (JPEG has no alpha). */
    private static BufferedImage opaque(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB || image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            return image;
        }
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** Baseline JPEG from pixels only: a JFIF header and nothing else. */
    private static void writeJpeg(BufferedImage image, Path file, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (FileImageOutputStream out = new FileImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    private static void writePng(BufferedImage image, Path file) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (FileImageOutputStream out = new FileImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), null);
        } finally {
            writer.dispose();
        }
    }
}
