package org.gongzhi.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code --updates-dir}: a reader of the folder only ever sees complete update files. */
public class UpdatesDirTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private DepartmentSimulator sim;

    @After
    public void stop() {
        if (sim != null) {
            sim.stop();
        }
    }

    @Test
    public void updateFilesAppearAtomicallyAndComplete() throws Exception {
        Path dir = tmp.newFolder("updates").toPath();
        sim = DepartmentSimulator.builder().port(0).quiet(true).updatesDir(dir).acceptAfter(Duration.ZERO)
                .progressAfter(Duration.ofMillis(10)).resolveAfter(Duration.ofMillis(20)).build();
        sim.start();

        List<String> problems = new CopyOnWriteArrayList<>();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        List<String> modifiedFinalNames = new CopyOnWriteArrayList<>();
        AtomicBoolean reading = new AtomicBoolean(true);
        try (WatchService watch = dir.getFileSystem().newWatchService()) {
            dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            Thread reader = new Thread(() -> {
                while (reading.get()) {
                    readAll(dir, seen, problems);
                    WatchKey key = watch.poll();
                    if (key != null) {
                        for (WatchEvent<?> e : key.pollEvents()) {
                            String name = String.valueOf(e.context());
                            if (e.kind() == StandardWatchEventKinds.ENTRY_MODIFY && !name.startsWith(".")) {
                                modifiedFinalNames.add(name);
                            }
                        }
                        key.reset();
                    }
                }
            });
            reader.start();

            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String id = UUID.randomUUID().toString();
                ids.add(id);
                assertThat(TestHttp.post(sim.dispatchUrl("jizhou", "CG"), TestHttp.dispatch(id).toString())
                        .statusCode()).isEqualTo(202);
            }
            assertThat(sim.awaitUpdates(Duration.ofSeconds(10))).isTrue();
            // the reader goes on reading and watching for a while after the last update: late watch events or
            // reads must not turn up an incomplete file or a final name written to
            await("the reader sees only complete files").during(Duration.ofMillis(100))
                    .atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10)).untilAsserted(() -> {
                        assertThat(problems).isEmpty();
                        assertThat(modifiedFinalNames).as("a final name is never written to").isEmpty();
                    });
            reading.set(false);
            reader.join(TimeUnit.SECONDS.toMillis(5));
            readAll(dir, seen, problems);

            assertThat(problems).isEmpty();
            assertThat(modifiedFinalNames).as("a final name is never written to").isEmpty();
            List<String> expected = new ArrayList<>();
            for (String id : ids) {
                expected.add(id + "-001-accepted.json");
                expected.add(id + "-002-in-progress.json");
                expected.add(id + "-003-resolved.json");
            }
            try (var files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString()))
                        .as("no temporary file is left").containsExactlyInAnyOrderElementsOf(expected);
            }
            assertThat(seen).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    /** Parses every final file in {@code dir}; anything incomplete or inconsistent goes into {@code problems}. */
    private static void readAll(Path dir, Set<String> seen, List<String> problems) {
        try (DirectoryStream<Path> list = Files.newDirectoryStream(dir, "[!.]*.json")) {
            for (Path p : list) {
                String name = p.getFileName().toString();
                try {
                    JsonNode u = Json.MAPPER.readTree(Files.readAllBytes(p));
                    String expectedName = DirectoryUpdateSink.fileName(Json.MAPPER.treeToValue(u, Update.class));
                    if (!expectedName.equals(name) || !u.hasNonNull("updateId") || !u.hasNonNull("at")) {
                        problems.add(name + ": " + u);
                    }
                    seen.add(name);
                } catch (java.nio.file.NoSuchFileException gone) {
                    // cannot happen: files are never removed
                    problems.add(name + " vanished");
                } catch (IOException | RuntimeException e) {
                    problems.add(name + ": " + e);
                }
            }
        } catch (IOException e) {
            problems.add("list: " + e);
        }
    }
}
