package org.gongzhi.keycloak.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/** An exclusive lock on {@code <home>/.lock}, so two processes never run one home (one H2 database) at once. */
final class HomeLock {
    private final FileChannel channel;
    private final FileLock lock;

    private HomeLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static HomeLock acquire(Path home, Instant deadline) {
        try {
            Files.createDirectories(home);
            FileChannel channel = FileChannel.open(home.resolve(".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            boolean told = false;
            while (true) {
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    channel.close();
                    throw new IllegalStateException("Keycloak home " + home + " is already in use in this JVM"
                            + " (use LocalKeycloak.shared() or another home)");
                }
                if (lock != null) {
                    return new HomeLock(channel, lock);
                }
                if (Instant.now().isAfter(deadline)) {
                    channel.close();
                    throw new IllegalStateException("Keycloak home " + home + " is still in use by another process");
                }
                if (!told) {
                    System.err.println("[keycloak-runner] waiting for another process to release " + home);
                    told = true;
                }
                Thread.sleep(1000);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not lock " + home, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + home, e);
        }
    }

    void release() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
            channel.close();
        } catch (IOException e) {
            // the lock goes with the channel or the process anyway
        }
    }
}
