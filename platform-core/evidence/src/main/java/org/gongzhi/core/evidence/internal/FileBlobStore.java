package org.gongzhi.core.evidence.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Blobs as files under one directory ({@code <root>/<tenant>/<aa>/<sha256>/<name>}). A blob is copied to a
 * hidden temporary file beside its target and renamed into place, so a reader never sees half a file and a
 * crash leaves at most a hidden {@code .part} file behind, which is never read.
 */
final class FileBlobStore implements BlobStore {

    private final Path root;

    FileBlobStore(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        Files.createDirectories(this.root);
    }

    @Override
    public boolean putIfAbsent(String key, Path source, String mediaType) throws IOException {
        Path target = resolve(key);
        if (Files.exists(target)) {
            return false;
        }
        Files.createDirectories(target.getParent());
        Path part = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
        try {
            Files.copy(source, part, StandardCopyOption.REPLACE_EXISTING);
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target);
            }
            return true;
        } catch (FileAlreadyExistsException e) {
            return false; // another upload of the same bytes won
        } finally {
            Files.deleteIfExists(part);
        }
    }

    @Override
    public Optional<InputStream> open(String key) throws IOException {
        try {
            return Optional.of(Files.newInputStream(resolve(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(resolve(key));
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(resolve(key));
    }

    @Override
    public String describe() {
        return "filesystem " + root;
    }

    Path root() {
        return root;
    }

    private Path resolve(String key) {
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root) || path.equals(root)) {
            throw new IllegalArgumentException("key outside the store");
        }
        return path;
    }
}
