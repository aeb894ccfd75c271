package org.gongzhi.core.evidence.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One upload copied to a temporary file while its SHA-256 is computed, in 64 KB steps: never whole in memory.
 * The copy stops as soon as the body is longer than the limit. {@link #close()} deletes the file.
 */
final class SpooledUpload implements AutoCloseable {

    private final Path file;
    private final String sha256;
    private final long size;

    private SpooledUpload(Path file, String sha256, long size) {
        this.file = file;
        this.sha256 = sha256;
        this.size = size;
    }

    /**
     * Copies {@code body} into a new file of {@code directory}.
     *
     * @throws TooLargeException when the body has more than {@code limit} bytes (the file is already deleted)
     */
    static SpooledUpload spool(InputStream body, Path directory, long limit) throws IOException, TooLargeException {
        MessageDigest digest = newDigest();
        Path file = Files.createTempFile(directory, "upload-", ".part");
        boolean done = false;
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[65536];
            long size = 0;
            for (int n; (n = body.read(buffer)) != -1; ) {
                size += n;
                if (size > limit) {
                    throw new TooLargeException(size);
                }
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
            done = true;
            return new SpooledUpload(file, HexFormat.of().formatHex(digest.digest()), size);
        } finally {
            if (!done) {
                Files.deleteIfExists(file);
            }
        }
    }

    Path file() {
        return file;
    }

    String sha256() {
        return sha256;
    }

    long size() {
        return size;
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** The body passed the limit; {@link #readAtLeast()} bytes had been read when the copy stopped. */
    static final class TooLargeException extends Exception {
        private static final long serialVersionUID = 1L;
        private final long read;

        TooLargeException(long read) {
            super(null, null, false, false);
            this.read = read;
        }

        long readAtLeast() {
            return read;
        }
    }
}
