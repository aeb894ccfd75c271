package org.gongzhi.keycloak.runner;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Operating-system side of a Keycloak server: stopping process trees, finding orphans, reading its log. */
final class KeycloakProcesses {

    private KeycloakProcesses() {
    }

    /** SIGTERM to the process, wait, then SIGKILL it and anything it started that is still alive. */
    static void terminate(ProcessHandle handle, Duration grace) {
        List<ProcessHandle> tree = new ArrayList<>(handle.descendants().toList());
        tree.add(0, handle);
        if (handle.isAlive()) {
            handle.destroy();
        } else {
            tree.forEach(ProcessHandle::destroy);
        }
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle p : tree) {
            long left = deadline - System.nanoTime();
            if (left > 0 && p.isAlive()) {
                try {
                    p.onExit().get(left, TimeUnit.NANOSECONDS);
                } catch (Exception e) {
                    // timed out or interrupted: killed below
                }
            }
        }
        for (ProcessHandle p : tree) {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
        for (ProcessHandle p : tree) {
            try {
                p.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                // nothing more to do
            }
        }
    }

    /**
     * A Keycloak of this very home still running although this process holds the home's lock was left behind by
     * a process that died without stopping it (kill -9 of a test JVM); it would keep the H2 database locked.
     */
    static void stopOrphans(Path serverDir) {
        String marker;
        try {
            marker = "-Dkc.home.dir=" + serverDir.toRealPath().resolve("bin") + "/..";
        } catch (IOException e) {
            return;
        }
        List<ProcessHandle> orphans = ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(args -> List.of(args).contains(marker)).orElse(false))
                .toList();
        for (ProcessHandle orphan : orphans) {
            System.err.println("[keycloak-runner] stopping a Keycloak left running on " + serverDir
                    + " (pid " + orphan.pid() + ")");
            terminate(orphan, LocalKeycloak.STOP_GRACE);
        }
    }

    /** The last {@code maxLines} lines of a file, or a note that it is missing. */
    static String tail(Path file, int maxLines) {
        return tail(file, maxLines, 0);
    }

    /** The last {@code maxLines} lines of a file after byte offset {@code from} (where this run's output starts). */
    static String tail(Path file, int maxLines, long from) {
        if (file == null || !Files.isRegularFile(file)) {
            return "(no log at " + file + ")";
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            int size = (int) Math.min(Math.max(0, length - from), 64 * 1024);
            byte[] buf = new byte[size];
            raf.seek(length - size);
            raf.readFully(buf);
            String text = new String(buf, StandardCharsets.UTF_8);
            String[] lines = text.split("\n", -1);
            int first = Math.max(0, lines.length - maxLines - 1);
            return String.join("\n", Arrays.copyOfRange(lines, first, lines.length)).stripTrailing();
        } catch (IOException e) {
            return "(could not read " + file + ": " + e + ")";
        }
    }
}
