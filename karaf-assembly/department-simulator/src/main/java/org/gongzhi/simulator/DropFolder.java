package org.gongzhi.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * {@code --drop-dir}: reads {@code *.json} and {@code *.xml} dispatch files that the platform writes into a
 * folder (write, then rename: names ending in {@code .tmp} or starting with {@code .} are ignored). One thread
 * lists the folder whenever the file system reports a change and at least every {@code --rescan}, so a missed
 * event only delays a file. Each file is read once and then moved to {@code processed/}, or to {@code error/}
 * with {@code <name>.reason.txt} beside it when it cannot be accepted. While the simulator is down, files wait.
 */
final class DropFolder {

    static final String PROCESSED = "processed";
    static final String ERROR = "error";

    private final Path dir;
    private final long rescanMillis;
    private final Outage outage;
    private final Intake intake;
    private final Stats stats;
    private final EventLog log;
    private WatchService watch;
    private Thread thread;
    private volatile boolean running;

    DropFolder(Path dir, long rescanMillis, Outage outage, Intake intake, Stats stats, EventLog log) {
        this.dir = dir;
        this.rescanMillis = rescanMillis;
        this.outage = outage;
        this.intake = intake;
        this.stats = stats;
        this.log = log;
    }

    void start() throws IOException {
        Files.createDirectories(dir.resolve(PROCESSED));
        Files.createDirectories(dir.resolve(ERROR));
        try {
            watch = dir.getFileSystem().newWatchService();
            dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
        } catch (IOException | UnsupportedOperationException e) {
            watch = null; // listing every --rescan is enough
            log.event("drop-folder-polling", "dir", dir, "reason", "no file-system events: " + e);
        }
        running = true;
        thread = new Thread(this::loop, "simulator-drop-folder");
        thread.setDaemon(true);
        thread.start();
    }

    void stop() {
        running = false;
        if (watch != null) {
            try {
                watch.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void loop() {
        while (running) {
            try {
                scan();
                awaitChange();
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            } catch (RuntimeException e) {
                log.event("drop-folder-error", "dir", dir, "reason", e.toString());
            }
        }
    }

    private void awaitChange() throws InterruptedException {
        if (watch == null) {
            Thread.sleep(rescanMillis);
            return;
        }
        WatchKey key = watch.poll(rescanMillis, TimeUnit.MILLISECONDS);
        if (key != null) {
            key.pollEvents();
            key.reset();
        }
    }

    /** Reads every waiting file once, oldest name first. */
    void scan() {
        if (outage.current() != null) {
            return;
        }
        for (Path file : waiting()) {
            if (!running) {
                return;
            }
            process(file);
        }
    }

    private List<Path> waiting() {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> list = Files.newDirectoryStream(dir)) {
            for (Path p : list) {
                if (isDispatchFile(p.getFileName().toString()) && Files.isRegularFile(p)) {
                    files.add(p);
                }
            }
        } catch (IOException e) {
            log.event("drop-folder-error", "dir", dir, "reason", "cannot list: " + e);
        }
        files.sort(null);
        return files;
    }

    static boolean isDispatchFile(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && !lower.endsWith(".tmp") && (lower.endsWith(".json") || lower.endsWith(".xml"));
    }

    private void process(Path file) {
        String name = file.getFileName().toString();
        Dispatch d;
        try {
            if (Files.size(file) > Exchanges.MAX_BODY) {
                throw new InvalidDispatchException("body", "larger than " + Exchanges.MAX_BODY + " bytes");
            }
            byte[] bytes = Files.readAllBytes(file);
            d = name.toLowerCase(Locale.ROOT).endsWith(".xml") ? XmlDispatches.read(bytes) : DispatchReader.fromJson(bytes);
        } catch (InvalidDispatchException e) {
            fail(file, null, e.getMessage());
            return;
        } catch (IOException e) {
            fail(file, null, "unreadable: " + e);
            return;
        }
        Intake.Outcome o = intake.receive(d, Intake.FILE);
        switch (o.kind()) {
            case POISON -> fail(file, d, "title: poison (--poison-title), never accepted");
            case CONFLICT -> fail(file, d, o.field() + ": dispatch " + d.dispatchId() + " was accepted with another "
                    + o.field());
            default -> {
                Path to = move(file, PROCESSED);
                if (to != null) {
                    stats.fileProcessed();
                    log.event("file-processed", "file", name, "dispatchId", d.dispatchId(), "receipt",
                            o.record().receipt(), "duplicate", o.kind() == Intake.Kind.DUPLICATE, "movedTo", to);
                }
            }
        }
    }

    /** Moves the file to {@code error/} with the reason beside it; counts a refusal of an unreadable file. */
    private void fail(Path file, Dispatch d, String reason) {
        if (d == null) {
            stats.rejected("400", null, null);
        }
        Path to = move(file, ERROR);
        if (to == null) {
            return;
        }
        stats.fileError();
        try {
            Files.writeString(to.resolveSibling(to.getFileName() + ".reason.txt"),
                    Instant.now() + " " + reason + System.lineSeparator(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            log.event("drop-folder-error", "file", to, "reason", "cannot write the reason: " + e);
        }
        log.event("file-error", "file", file.getFileName(), "movedTo", to, "reason", reason);
    }

    /** Moves to the sub-folder under a free name ({@code a.json}, {@code a-2.json}, …); {@code null} if it failed. */
    private Path move(Path file, String folder) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        for (int n = 1; n < 10_000; n++) {
            String candidate = n == 1 ? name : name.substring(0, dot) + "-" + n + name.substring(dot);
            Path target = dir.resolve(folder).resolve(candidate);
            try {
                return Files.move(file, target);
            } catch (FileAlreadyExistsException e) {
                // try the next name
            } catch (IOException e) {
                log.event("drop-folder-error", "file", name, "reason", "cannot move to " + folder + "/: " + e);
                return null;
            }
        }
        log.event("drop-folder-error", "file", name, "reason", "no free name in " + folder + "/");
        return null;
    }
}
