package org.gongzhi.core.evidence.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the bytes live: the filesystem ({@link FileBlobStore}) or S3-compatible object storage ({@link S3BlobStore}).
 * Keys come from {@link BlobKeys} only. Content-addressed, so a key's bytes never change once written: a write to
 * an existing key is skipped, and two nodes writing the same key at once write the same bytes.
 * Thread-safe; every method blocks on disk or network.
 */
interface BlobStore extends AutoCloseable {

    /** Copies {@code source} under {@code key} unless the key exists; true when it was written. */
    boolean putIfAbsent(String key, Path source, String mediaType) throws IOException;

    /** The bytes under {@code key}, or empty; the caller closes the stream. */
    Optional<InputStream> open(String key) throws IOException;

    boolean exists(String key) throws IOException;

    /** Removes {@code key}; nothing happens when it does not exist. */
    void delete(String key) throws IOException;

    /** For logs: {@code filesystem /path} or {@code s3 http://host/bucket}. */
    String describe();

    @Override
    default void close() {
    }
}
