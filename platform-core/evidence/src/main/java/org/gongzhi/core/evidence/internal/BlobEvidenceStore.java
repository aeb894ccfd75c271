package org.gongzhi.core.evidence.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gongzhi.core.evidence.EvidenceKind;
import org.gongzhi.core.evidence.EvidenceRejectedException;
import org.gongzhi.core.evidence.EvidenceStore;
import org.gongzhi.core.evidence.Rendition;
import org.gongzhi.core.evidence.StoredEvidence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link EvidenceStore} over a {@link BlobStore}: spool and hash, sniff, check, derive the served copies, store by
 * content. Plain class (no OSGi), so the tests run it against both stores; {@link EvidenceStoreComponent} wires it.
 *
 * <p>Per evidence the store holds {@code original}, {@code display} (unless the original is served as it is: PDFs),
 * {@code thumbnail} (photos it can decode) and {@code info} ({@link EvidenceInfo}, written last).
 */
final class BlobEvidenceStore implements EvidenceStore {

    /** Size limits per kind in bytes, the pixel limit, how many photos decode at once, the zone of EXIF times. */
    record Limits(long photoBytes, long videoBytes, long documentBytes, long maxPixels, int decodePermits,
                  TimeZone exifZone) {

        static Limits defaults() {
            return new Limits(20L << 20, 100L << 20, 20L << 20, 100_000_000L,
                    Runtime.getRuntime().availableProcessors(), TimeZone.getTimeZone("Asia/Shanghai"));
        }

        long of(EvidenceKind kind) {
            return switch (kind) {
                case PHOTO -> photoBytes;
                case VIDEO -> videoBytes;
                case DOCUMENT -> documentBytes;
            };
        }

        long largest() {
            return Math.max(photoBytes, Math.max(videoBytes, documentBytes));
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(BlobEvidenceStore.class);
    /** Decimal-degree ISO 6709 as phones write it: {@code +39.9042+116.4074+050.000/}. */
    private static final Pattern ISO6709 = Pattern.compile("^([+-]\\d{1,2}(?:\\.\\d+)?)([+-]\\d{1,3}(?:\\.\\d+)?)");

    private final BlobStore blobs;
    private final Limits limits;
    private final Path incoming;
    private final TypeSniffer sniffer;
    private final PhotoRenderer photos;

    BlobEvidenceStore(BlobStore blobs, Limits limits, Path incoming, ImageIoPlugins plugins) throws IOException {
        this.blobs = blobs;
        this.limits = limits;
        this.incoming = Files.createDirectories(incoming);
        this.sniffer = new TypeSniffer();
        this.photos = new PhotoRenderer(plugins, limits.maxPixels(), limits.decodePermits());
    }

    @Override
    public StoredEvidence ingest(String tenantId, InputStream body) throws EvidenceRejectedException, IOException {
        BlobKeys.tenant(tenantId);
        Objects.requireNonNull(body, "body");
        long start = System.nanoTime();
        SpooledUpload upload;
        try {
            upload = SpooledUpload.spool(body, incoming, limits.largest());
        } catch (SpooledUpload.TooLargeException e) {
            throw tooLarge(null, limits.largest());
        }
        try (upload) {
            if (upload.size() == 0) {
                throw new EvidenceRejectedException(EvidenceRejectedException.UNREADABLE, null, "文件为空 (empty upload)");
            }
            String mediaType = sniffer.detect(upload.file());
            EvidenceKind kind = TypeSniffer.kindOf(mediaType).orElseThrow(() -> new EvidenceRejectedException(
                    EvidenceRejectedException.UNSUPPORTED_TYPE, mediaType,
                    "不支持的文件类型 " + mediaType + "，只接受 JPEG、PNG、WebP、HEIC 照片，MP4、MOV 视频和 PDF"
                            + " (type not allowed: " + mediaType + "; photos JPEG, PNG, WebP, HEIC, videos MP4, MOV, PDF)"));
            if (upload.size() > limits.of(kind)) {
                throw tooLarge(mediaType, limits.of(kind));
            }
            StoredEvidence stored = store(tenantId, upload, kind, mediaType);
            LOG.debug("Evidence {} {} of {}: {} bytes{} in {} ms", kind.wireName(), upload.sha256().substring(0, 12),
                    tenantId, upload.size(), stored.duplicate() ? " (duplicate)" : "", (System.nanoTime() - start) / 1_000_000);
            return stored;
        }
    }

    private StoredEvidence store(String tenantId, SpooledUpload upload, EvidenceKind kind, String mediaType)
            throws EvidenceRejectedException, IOException {
        String sha = upload.sha256();
        boolean isoBmff = kind == EvidenceKind.VIDEO || mediaType.startsWith("image/hei");
        boolean decodable = kind == EvidenceKind.PHOTO && !isoBmff;
        CaptureFacts facts = kind == EvidenceKind.PHOTO ? CaptureFacts.read(upload.file(), limits.exifZone()) : CaptureFacts.NONE;

        Optional<EvidenceInfo> existing = info(tenantId, sha);
        if (existing.isPresent()) {
            if (kind == EvidenceKind.VIDEO) {
                facts = videoFacts(inspect(upload.file(), mediaType));
            }
            return evidence(sha, existing.get(), facts, true);
        }

        List<Path> temporary = new ArrayList<>();
        try {
            Path display = null;
            Path thumbnail = null;
            EvidenceInfo info;
            if (decodable) {
                display = temp(temporary);
                thumbnail = temp(temporary);
                PhotoRenderer.Rendered rendered = render(upload.file(), mediaType, facts.orientation(), display, thumbnail);
                info = new EvidenceInfo(kind, mediaType, rendered.displayMediaType(), upload.size(), rendered.width(),
                        rendered.height(), true, false, true);
            } else if (isoBmff) {
                display = temp(temporary);
                Files.copy(upload.file(), display, StandardCopyOption.REPLACE_EXISTING);
                IsoBmffScrubber.Result result = scrub(display, mediaType);
                if (kind == EvidenceKind.VIDEO) {
                    facts = videoFacts(result);
                }
                info = new EvidenceInfo(kind, mediaType, mediaType, upload.size(), null, null, true, false, false);
            } else {
                info = new EvidenceInfo(kind, mediaType, mediaType, upload.size(), null, null, true, true, false);
            }
            Path infoFile = temp(temporary);
            info.write(infoFile);

            blobs.putIfAbsent(key(tenantId, sha, Rendition.ORIGINAL), upload.file(), mediaType);
            if (display != null) {
                blobs.putIfAbsent(key(tenantId, sha, Rendition.DISPLAY), display, info.displayMediaType());
            }
            if (thumbnail != null) {
                blobs.putIfAbsent(key(tenantId, sha, Rendition.THUMBNAIL), thumbnail, "image/jpeg");
            }
            blobs.putIfAbsent(BlobKeys.key(tenantId, sha, BlobKeys.INFO), infoFile, "text/plain");
            return evidence(sha, info, facts, false);
        } finally {
            for (Path file : temporary) {
                Files.deleteIfExists(file);
            }
        }
    }

    private PhotoRenderer.Rendered render(Path original, String mediaType, int orientation, Path display, Path thumbnail)
            throws EvidenceRejectedException, IOException {
        try {
            return photos.render(original, mediaType, orientation, display, thumbnail);
        } catch (PhotoRenderer.UndecodableException e) {
            if (e.tooManyPixels()) {
                throw new EvidenceRejectedException(EvidenceRejectedException.TOO_LARGE, mediaType,
                        "图片像素超过上限 " + limits.maxPixels() + " (more than " + limits.maxPixels() + " pixels)");
            }
            LOG.debug("Undecodable {}: {}", mediaType, e.getMessage());
            throw unreadable(mediaType);
        }
    }

    private IsoBmffScrubber.Result scrub(Path file, String mediaType) throws EvidenceRejectedException, IOException {
        try {
            return IsoBmffScrubber.scrub(file);
        } catch (IsoBmffScrubber.MalformedException e) {
            LOG.debug("Malformed {}: {}", mediaType, e.getMessage());
            throw unreadable(mediaType);
        }
    }

    private IsoBmffScrubber.Result inspect(Path file, String mediaType) throws EvidenceRejectedException, IOException {
        try {
            return IsoBmffScrubber.inspect(file);
        } catch (IsoBmffScrubber.MalformedException e) {
            throw unreadable(mediaType);
        }
    }

    private static CaptureFacts videoFacts(IsoBmffScrubber.Result result) {
        Double latitude = null;
        Double longitude = null;
        if (result.iso6709() != null) {
            Matcher m = ISO6709.matcher(result.iso6709());
            if (m.find()) {
                double lat = Double.parseDouble(m.group(1));
                double lon = Double.parseDouble(m.group(2));
                if (Math.abs(lat) <= 90 && Math.abs(lon) <= 180 && (lat != 0 || lon != 0)) {
                    latitude = lat;
                    longitude = lon;
                }
            }
        }
        return new CaptureFacts(result.createdAt(), latitude, longitude, 1);
    }

    @Override
    public Optional<InputStream> open(String tenantId, String sha256, Rendition rendition) throws IOException {
        Objects.requireNonNull(rendition, "rendition");
        if (!BlobKeys.isSha256(sha256) || !isTenant(tenantId)) {
            return Optional.empty();
        }
        Optional<InputStream> copy = blobs.open(key(tenantId, sha256, rendition));
        if (copy.isPresent() || rendition != Rendition.DISPLAY) {
            return copy;
        }
        Optional<EvidenceInfo> info = info(tenantId, sha256);
        if (info.isPresent() && info.get().displayIsOriginal()) {
            return blobs.open(key(tenantId, sha256, Rendition.ORIGINAL));
        }
        return Optional.empty();
    }

    @Override
    public long maxUploadBytes() {
        return limits.largest();
    }

    String describe() {
        return blobs.describe();
    }

    private Optional<EvidenceInfo> info(String tenantId, String sha) throws IOException {
        Optional<InputStream> in = blobs.open(BlobKeys.key(tenantId, sha, BlobKeys.INFO));
        return in.isPresent() ? Optional.of(EvidenceInfo.read(in.get())) : Optional.empty();
    }

    private static StoredEvidence evidence(String sha, EvidenceInfo info, CaptureFacts facts, boolean duplicate) {
        Instant capturedAt = facts.capturedAt();
        return new StoredEvidence(sha, info.kind(), info.mediaType(), info.display() ? info.displayMediaType() : null,
                info.size(), info.width(), info.height(), info.thumbnail(), capturedAt, facts.latitude(),
                facts.longitude(), duplicate);
    }

    private Path temp(List<Path> temporary) throws IOException {
        Path file = Files.createTempFile(incoming, "rendition-", ".part");
        temporary.add(file);
        return file;
    }

    private static String key(String tenantId, String sha, Rendition rendition) {
        return BlobKeys.key(tenantId, sha, BlobKeys.rendition(rendition));
    }

    private static boolean isTenant(String tenantId) {
        try {
            BlobKeys.tenant(tenantId);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static EvidenceRejectedException tooLarge(String mediaType, long limit) {
        long mb = limit >> 20;
        return new EvidenceRejectedException(EvidenceRejectedException.TOO_LARGE, mediaType,
                "文件超过上限 " + mb + " MB (larger than the " + mb + " MB limit"
                        + (mediaType == null ? "" : " for " + mediaType) + ")");
    }

    private static EvidenceRejectedException unreadable(String mediaType) {
        return new EvidenceRejectedException(EvidenceRejectedException.UNREADABLE, mediaType,
                "文件已损坏或无法读取 (" + mediaType + " is truncated or cannot be read)");
    }
}
