package org.gongzhi.core.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Stores and opens evidence of one district. Thread-safe; blocks on disk or network. The store is
 * the filesystem under the platform's home or S3-compatible object storage, chosen by configuration;
 * callers cannot tell which.
 *
 * <p>Contract of {@link #ingest}: the body is read once, as a stream, to a temporary file (never whole
 * in memory) while its SHA-256 is computed; the type is sniffed from the bytes (the client's name and
 * type are ignored) and must be on the allow-list (JPEG, PNG, WebP, HEIC/HEIF, MP4, QuickTime, PDF);
 * each kind has a size limit. Photos Java decodes (JPEG, PNG, WebP) get a {@link Rendition#DISPLAY} copy re-encoded
 * without any metadata and a {@link Rendition#THUMBNAIL}; HEIC/HEIF photos and videos get a DISPLAY copy that is the
 * original with its Exif/XMP/location metadata erased, and no thumbnail; a PDF's DISPLAY is the original. The
 * temporary file is deleted before the method returns.
 */
@ProviderType
public interface EvidenceStore {

    /**
     * Reads, checks and stores one upload of {@code tenantId}.
     *
     * @throws EvidenceRejectedException type not allowed, too large, empty or unreadable
     * @throws IOException               the body could not be read or the store could not be written
     * @throws IllegalArgumentException  {@code tenantId} is not a tenant id ({@code [a-z][a-z0-9-]{1,39}})
     */
    StoredEvidence ingest(String tenantId, InputStream body) throws EvidenceRejectedException, IOException;

    /**
     * Opens one rendition of the evidence with content {@code sha256} of {@code tenantId}; empty when the
     * store has no such copy (e.g. no thumbnail of a PDF) or {@code tenantId}/{@code sha256} are malformed. The
     * caller closes the stream.
     */
    Optional<InputStream> open(String tenantId, String sha256, Rendition rendition) throws IOException;

    /** The largest upload of any kind, in bytes: the REST layer refuses longer bodies before reading them. */
    long maxUploadBytes();
}
