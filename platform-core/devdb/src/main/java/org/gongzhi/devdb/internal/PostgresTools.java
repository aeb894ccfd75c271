package org.gongzhi.devdb.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.util.LinuxUtils;

/** Runs the PostgreSQL programs of the extracted binaries ({@code postgres --single}, {@code pg_ctl}) outside zonky. */
final class PostgresTools {

    private PostgresTools() {
    }

    /**
     * Runs {@code tool} the way zonky does (through {@code unshare -U} when running as root), feeding it
     * {@code input} (or nothing), and fails when it exits non-zero, prints an ERROR or FATAL line, or takes
     * longer than {@code timeout}. Statements are never echoed in the failure: they may hold a password verifier.
     */
    static void run(Path bin, String tool, List<String> arguments, String input, Duration timeout) throws IOException {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.add("unshare");
            command.add("-U");
        }
        command.add(bin.resolve(tool).toString());
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (OutputStream stdin = process.getOutputStream()) {
            if (input != null) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
        }
        String output;
        try (InputStream stdout = process.getInputStream()) {
            output = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
        }
        int exit;
        try {
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(tool + " did not finish within " + timeout.toSeconds() + " s");
            }
            exit = process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("Interrupted while running " + tool, e);
        }
        if (exit != 0 || output.contains("ERROR:") || output.contains("FATAL:")) {
            String shown = output.lines().filter(l -> !l.contains("STATEMENT:") && !l.contains("PASSWORD"))
                    .reduce((a, b) -> a + "\n" + b).orElse("");
            throw new IOException(tool + " " + arguments.get(0) + " failed (exit " + exit + "):\n" + shown);
        }
    }
}
