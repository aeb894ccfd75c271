package org.gongzhi.core.evidence.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;
import org.apache.tika.parser.ParseContext;
import org.gongzhi.core.evidence.EvidenceKind;

/**
 * Decides an upload's type from its bytes with Apache Tika's magic database (tika-core only: no parsers). No file
 * name is given to Tika, so neither the client's name nor its declared type can influence the answer.
 */
final class TypeSniffer {

    /** The allow-list: sniffed type → kind. */
    static final Map<String, EvidenceKind> ALLOWED = Map.of(
            "image/jpeg", EvidenceKind.PHOTO,
            "image/png", EvidenceKind.PHOTO,
            "image/webp", EvidenceKind.PHOTO,
            "image/heic", EvidenceKind.PHOTO,
            "image/heif", EvidenceKind.PHOTO,
            "video/mp4", EvidenceKind.VIDEO,
            "video/quicktime", EvidenceKind.VIDEO,
            "application/pdf", EvidenceKind.DOCUMENT);

    /** ISO base media major brands that are MP4 (QuickTime's own is {@code "qt  "}). */
    private static final Set<String> MP4_BRANDS = Set.of("isom", "iso2", "iso4", "iso5", "iso6", "mp41", "mp42",
            "avc1", "dash", "mmp4", "MSNV", "M4V ");

    private final MimeTypes types;

    /** Loads Tika's type database through this bundle's class loader (Tika would otherwise use the caller's). */
    TypeSniffer() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(TypeSniffer.class.getClassLoader());
        try {
            this.types = MimeTypes.getDefaultMimeTypes(TypeSniffer.class.getClassLoader());
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** The sniffed type without parameters, e.g. {@code image/jpeg}; {@code application/octet-stream} when unknown. */
    String detect(Path file) throws IOException {
        String type;
        try (TikaInputStream in = TikaInputStream.get(file)) {
            MediaType detected = types.detect(in, new Metadata(), new ParseContext());
            type = detected.getBaseType().toString();
        }
        if ("video/quicktime".equals(type) && MP4_BRANDS.contains(majorBrand(file))) {
            return "video/mp4"; // tika-core's magic knows only mp41/mp42; phones write isom and friends
        }
        return type;
    }

    /** The major brand of an ISO base media file ({@code ftyp} box first), or "". */
    private static String majorBrand(Path file) throws IOException {
        byte[] head = new byte[12];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(head, 0, 12) < 12 || head[4] != 'f' || head[5] != 't' || head[6] != 'y' || head[7] != 'p') {
                return "";
            }
        }
        return new String(head, 8, 4, StandardCharsets.ISO_8859_1);
    }

    static Optional<EvidenceKind> kindOf(String mediaType) {
        return Optional.ofNullable(ALLOWED.get(mediaType));
    }
}
