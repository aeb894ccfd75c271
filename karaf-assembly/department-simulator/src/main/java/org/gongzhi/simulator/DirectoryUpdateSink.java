package org.gongzhi.simulator;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * {@code --updates-dir}: every update becomes {@code <dispatchId>-<sequence>-<status>.json}, written as
 * {@code .<name>.tmp} first and then renamed atomically, so a reader never sees half a file (and ignores the
 * dot-file while it is being written).
 */
final class DirectoryUpdateSink implements UpdateSink {

    private final Path dir;

    DirectoryUpdateSink(Path dir) {
        this.dir = dir;
    }

    static String fileName(Update u) {
        return String.format("%s-%03d-%s.json", u.dispatchId(), u.sequence(), u.status());
    }

    @Override
    public Delivery deliver(Update update, String callbackUrl) {
        String name = fileName(update);
        Path tmp = dir.resolve("." + name + ".tmp");
        try {
            Files.createDirectories(dir);
            Files.write(tmp, Json.bytes(update));
            try {
                Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.deleteIfExists(tmp);
                return Delivery.refused("the file system of " + dir + " cannot rename atomically");
            }
            return Delivery.delivered("file " + name);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the next attempt overwrites it
            }
            return Delivery.retry("cannot write " + name + ": " + e, null);
        }
    }

    @Override
    public String describe() {
        return "files in " + dir.toAbsolutePath();
    }
}
