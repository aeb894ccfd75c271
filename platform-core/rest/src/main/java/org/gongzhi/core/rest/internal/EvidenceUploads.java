package org.gongzhi.core.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.EntityTag;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;
import org.apache.cxf.jaxrs.ext.multipart.Attachment;
import org.apache.cxf.jaxrs.ext.multipart.MultipartBody;
import org.gongzhi.core.evidence.EvidenceRejectedException;
import org.gongzhi.core.evidence.EvidenceStore;
import org.gongzhi.core.evidence.Rendition;
import org.gongzhi.core.evidence.StoredEvidence;
import org.gongzhi.core.service.NotFoundException;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.evidence.EvidenceRecords;
import org.gongzhi.core.service.evidence.EvidenceView;
import org.gongzhi.core.service.evidence.NewEvidence;

/**
 * What every evidence endpoint shares, whoever the caller is: reading an upload (raw body or the
 * {@code file} part of a multipart form), storing it through the {@link EvidenceStore}, recording it,
 * the JSON answer and the served copies. Access is the caller's business.
 */
final class EvidenceUploads {

    /** The multipart part that carries the file. */
    static final String FILE_PART = "file";

    private final EvidenceStore store;
    private final EvidenceRecords records;

    EvidenceUploads(EvidenceStore store, EvidenceRecords records) {
        this.store = store;
        this.records = records;
    }

    /** The answer about one upload; {@code base} is the collection's path, e.g. {@code /api/v1/tenants/jizhou/evidence}. */
    record EvidenceJson(UUID id, String kind, String mediaType, String displayMediaType, long size, Integer width,
                        Integer height, boolean thumbnail, String fileName, String uploadedBy, Instant uploadedAt,
                        Instant capturedAt, Double latitude, Double longitude, UUID caseId, Integer journalSeq,
                        String url, String thumbnailUrl) {
        static EvidenceJson of(EvidenceView e, String base) {
            return of(e, base, "/content");
        }

        /** With the served copy at {@code <base>/<id><content>}. */
        static EvidenceJson of(EvidenceView e, String base, String content) {
            String url = base + "/" + e.id();
            return new EvidenceJson(e.id(), e.kind(), e.mediaType(), e.displayMediaType(), e.size(), e.width(),
                    e.height(), e.thumbnail(), e.fileName(), e.uploadedBy(), e.uploadedAt(), e.capturedAt(),
                    e.latitude(), e.longitude(), e.caseId(), e.journalSeq(), url + content,
                    e.thumbnail() ? url + "/thumbnail" : null);
        }
    }

    /** Refuses a declared length over the store's largest upload before anything is read. */
    void checkLength(long contentLength) {
        if (contentLength > store.maxUploadBytes()) {
            throw new EvidenceRefused(413, "too-large", "文件过大 (the file is too large): 上限 (limit) "
                    + store.maxUploadBytes() + " bytes");
        }
    }

    /** Stores and records the raw body. */
    EvidenceView raw(String tenant, InputStream body, String fileName, boolean keepCaptureFacts, String actor,
                     String subject) {
        if (body == null) {
            throw new ValidationException("body", "请求体不能为空 (the file is required as the body)");
        }
        return ingest(tenant, body, fileName, keepCaptureFacts, actor, subject);
    }

    /** Stores and records the {@value #FILE_PART} part of a multipart form. */
    EvidenceView multipart(String tenant, MultipartBody form, String fileName, boolean keepCaptureFacts, String actor,
                           String subject) {
        Attachment file = form == null ? null : form.getAttachment(FILE_PART);
        if (file == null) {
            throw new ValidationException(FILE_PART, "缺少文件部分 file (the form needs a part named file)");
        }
        String name = fileName != null ? fileName
                : file.getContentDisposition() == null ? null : file.getContentDisposition().getFilename();
        try (InputStream in = file.getDataHandler().getInputStream()) {
            return ingest(tenant, in, name, keepCaptureFacts, actor, subject);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private EvidenceView ingest(String tenant, InputStream body, String fileName, boolean keepCaptureFacts, String actor,
                                String subject) {
        StoredEvidence stored;
        try {
            stored = store.ingest(tenant, body);
        } catch (EvidenceRejectedException e) {
            throw new EvidenceRefused(e.httpStatus(), e.reason(), e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        NewEvidence evidence = new NewEvidence(stored.sha256(), stored.kind().wireName(), stored.mediaType(),
                stored.displayMediaType(), stored.size(), stored.width(), stored.height(), stored.thumbnail(), fileName,
                keepCaptureFacts ? stored.capturedAt() : null, keepCaptureFacts ? stored.latitude() : null,
                keepCaptureFacts ? stored.longitude() : null);
        return records.record(tenant, evidence, actor, subject);
    }

    /**
     * Copies the stored files of a case's evidence from one district's store to another's (跨区转办, ADR 0037):
     * the original, from which the receiving store derives its own served copies. Content-addressed, so a
     * repeated copy writes nothing; the database rows follow in the transfer's transaction.
     */
    void copyFiles(String from, String to, List<EvidenceView> items) {
        for (EvidenceView e : items) {
            try {
                InputStream in = store.open(from, e.sha256(), Rendition.ORIGINAL).orElse(null);
                if (in == null) {
                    throw new NotFoundException("证据文件缺失 (stored file missing): " + e.id());
                }
                try (InputStream source = in) {
                    store.ingest(to, source);
                }
            } catch (EvidenceRejectedException ex) {
                throw new IllegalStateException("evidence " + e.id() + " no longer accepted: " + ex.reason(), ex);
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }

    /** The evidence of the district, or 404 for a malformed or unknown id. */
    EvidenceView find(String tenant, String id) {
        return records.get(tenant, Params.uuid("evidence", id));
    }

    /** The evidence attached to a case. */
    List<EvidenceView> ofCase(String tenant, UUID caseId) {
        return records.ofCase(tenant, caseId);
    }

    /**
     * The served copy ({@link Rendition#DISPLAY}) or the thumbnail: never the original. Private, cached
     * for a year (an id's content never changes), not sniffable by the browser, and sandboxed: no script
     * runs if a browser renders it as a page.
     */
    Response serve(String tenant, EvidenceView e, Rendition rendition) {
        if (rendition == Rendition.ORIGINAL) {
            throw new IllegalArgumentException("originals are never served");
        }
        InputStream in;
        try {
            in = store.open(tenant, e.sha256(), rendition).orElse(null);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        if (in == null) {
            throw new NotFoundException(rendition == Rendition.THUMBNAIL ? "没有缩略图 (no thumbnail): " + e.id()
                    : "该文件没有可提供的副本 (no copy of this file can be served): " + e.id());
        }
        StreamingOutput body = out -> {
            try (InputStream source = in) {
                source.transferTo(out);
            }
        };
        CacheControl cache = new CacheControl();
        cache.setPrivate(true);
        cache.setMaxAge(365 * 24 * 3600);
        String type = rendition == Rendition.THUMBNAIL ? "image/jpeg" : e.displayMediaType();
        return Response.ok(body, type).cacheControl(cache)
                .tag(new EntityTag(e.sha256() + "-" + rendition.name().toLowerCase(java.util.Locale.ROOT)))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .header("Content-Disposition", "inline; filename=\"" + e.id() + extension(type) + "\"")
                .build();
    }

    private static String extension(String type) {
        return switch (type) {
            case "image/jpeg" -> ".jpg";
            case "image/png" -> ".png";
            case "image/webp" -> ".webp";
            case "image/heic", "image/heif" -> ".heic";
            case "video/mp4" -> ".mp4";
            case "video/quicktime" -> ".mov";
            case "application/pdf" -> ".pdf";
            default -> "";
        };
    }

    /** An upload the store refused: 413, 415 or 400 as problem details naming the body. */
    static final class EvidenceRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;
        final String type;

        EvidenceRefused(int status, String type, String message) {
            super(message);
            this.status = status;
            this.type = type;
        }

        Response response() {
            return Problem.response(status, type, switch (status) {
                case 413 -> "文件过大 (file too large)";
                case 415 -> "不支持的文件类型 (unsupported file type)";
                default -> "文件无法读取 (unreadable file)";
            }, getMessage(), "file");
        }
    }
}
