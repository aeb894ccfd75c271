package org.gongzhi.core.evidence.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.gongzhi.core.evidence.EvidenceKind;

/**
 * The small record stored beside the renditions ({@code …/<sha256>/info}, Java properties): what a later upload of
 * the same bytes needs to answer without decoding again, and whether the display copy is the original itself.
 * Written last: its presence means the evidence is complete. Holds no capture facts (they are personal data and are
 * read from the upload each time).
 */
record EvidenceInfo(EvidenceKind kind, String mediaType, String displayMediaType, long size, Integer width,
                    Integer height, boolean display, boolean displayIsOriginal, boolean thumbnail) {

    void write(Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty("kind", kind.wireName());
        p.setProperty("mediaType", mediaType);
        if (displayMediaType != null) {
            p.setProperty("displayMediaType", displayMediaType);
        }
        p.setProperty("size", Long.toString(size));
        if (width != null && height != null) {
            p.setProperty("width", width.toString());
            p.setProperty("height", height.toString());
        }
        p.setProperty("display", display ? (displayIsOriginal ? "original" : "own") : "none");
        p.setProperty("thumbnail", Boolean.toString(thumbnail));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.store(out, null);
        Files.write(file, out.toByteArray());
    }

    static EvidenceInfo read(InputStream in) throws IOException {
        Properties p = new Properties();
        try (in) {
            p.load(new ByteArrayInputStream(in.readAllBytes()));
        }
        String display = p.getProperty("display", "none");
        String width = p.getProperty("width");
        String height = p.getProperty("height");
        try {
            return new EvidenceInfo(EvidenceKind.valueOf(p.getProperty("kind").toUpperCase(java.util.Locale.ROOT)),
                    p.getProperty("mediaType"), p.getProperty("displayMediaType"), Long.parseLong(p.getProperty("size")),
                    width == null ? null : Integer.valueOf(width), height == null ? null : Integer.valueOf(height),
                    !"none".equals(display), "original".equals(display), Boolean.parseBoolean(p.getProperty("thumbnail")));
        } catch (RuntimeException e) {
            throw new IOException("unreadable evidence info", e);
        }
    }
}
