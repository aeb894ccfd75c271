package org.gongzhi.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The drop folder: files written by the platform (write, then rename) are read once and moved away. */
public class DropFolderTest {

    /** How long a wait for the drop folder may take, generous for a slow machine; and how often it looks. */
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(10);

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private Path drop;
    private Path updates;
    private DepartmentSimulator sim;

    @Before
    public void start() throws IOException {
        drop = tmp.newFolder("drop").toPath();
        updates = tmp.newFolder("updates").toPath();
        sim = DepartmentSimulator.builder().port(0).quiet(true).dropDir(drop).rescan(Duration.ofMillis(200))
                .updatesDir(updates).acceptAfter(Duration.ofMillis(10)).resolveAfter(Duration.ofMillis(30))
                .poisonTitle("POISON").build();
        sim.start();
    }

    @After
    public void stop() {
        sim.stop();
    }

    /** Writes the file the way the platform does: a dot-file first, then an atomic rename. */
    private void drop(String name, String content) throws IOException {
        Path hidden = drop.resolve("." + name + ".tmp");
        Files.writeString(hidden, content, StandardCharsets.UTF_8);
        Files.move(hidden, drop.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private static String xml(String dispatchId) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <dispatch>
                  <dispatchId>%s</dispatchId>
                  <tenant>jizhou</tenant>
                  <department>HW</department>
                  <caseId>9a1c0c55-3b5e-4c1e-9a53-0f0e7d7c6b5a</caseId>
                  <caseNumber>360802-20261122-000124</caseNumber>
                  <title>道路清扫不及时</title>
                  <tier>coordination</tier>
                  <longitude>114.93</longitude>
                  <latitude>27.09</latitude>
                  <dueAt>2026-11-24T18:00:00+08:00</dueAt>
                  <attachments>
                    <attachment>https://files.example/1.jpg</attachment>
                    <attachment>https://files.example/2.jpg</attachment>
                  </attachments>
                </dispatch>
                """.formatted(dispatchId);
    }

    private List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private boolean exists(Path p) {
        return Files.exists(p);
    }

    @Test
    public void jsonAndXmlFilesAreProcessedOnceAndMoved() throws Exception {
        String jsonId = UUID.randomUUID().toString();
        String xmlId = UUID.randomUUID().toString();
        drop("a.json", TestHttp.dispatch(jsonId).toString());
        drop("b.xml", xml(xmlId));

        await("a.json and b.xml moved to processed/").atMost(WAIT).pollInterval(POLL)
                .until(() -> exists(drop.resolve("processed/a.json")) && exists(drop.resolve("processed/b.xml")));
        assertThat(sim.awaitUpdates(Duration.ofSeconds(5))).isTrue();
        assertThat(names(drop)).containsExactly("error", "processed");
        assertThat(sim.dispatches()).extracting(DispatchRecord::dispatchId).containsExactlyInAnyOrder(jsonId, xmlId);
        assertThat(sim.dispatches()).allSatisfy(d -> {
            assertThat(d.source()).isEqualTo("file");
            assertThat(d.deliveries()).isEqualTo(1);
        });
        assertThat(sim.dispatches()).filteredOn(d -> d.dispatchId().equals(xmlId)).singleElement()
                .satisfies(d -> assertThat(d.department()).isEqualTo("HW"));

        // the same dispatch dropped again is a duplicate: moved away, but no second set of updates
        drop("a-again.json", TestHttp.dispatch(jsonId).toString());
        drop("a.json", TestHttp.dispatch(jsonId).toString());
        await("a-again.json and the second a.json moved to processed/").atMost(WAIT).pollInterval(POLL)
                .until(() -> exists(drop.resolve("processed/a-again.json"))
                        && exists(drop.resolve("processed/a-2.json")));
        await("no second set of updates").during(Duration.ofMillis(150)).atMost(WAIT).pollInterval(POLL)
                .untilAsserted(() -> assertThat(names(updates)).hasSize(4));
        StatsSnapshot stats = sim.stats();
        assertThat(stats.accepted()).isEqualTo(2);
        assertThat(stats.duplicates()).isEqualTo(2);
        assertThat(stats.files().processed()).isEqualTo(4);
        assertThat(stats.files().errors()).isZero();
    }

    @Test
    public void unreadableFilesGoToErrorWithTheReason() throws Exception {
        drop("broken.json", "{\"dispatchId\": ");
        drop("missing.xml", xml(UUID.randomUUID().toString()).replace("<title>道路清扫不及时</title>", ""));
        drop("entity.xml", "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<dispatch><title>&x;</title></dispatch>");
        drop("wrongroot.xml", "<case><title>x</title></case>");
        drop("poison.json", TestHttp.dispatch(UUID.randomUUID().toString()).put("title", "POISON").toString());

        Path error = drop.resolve("error");
        await().atMost(WAIT).pollInterval(POLL).ignoreExceptionsInstanceOf(IOException.class)
                .untilAsserted(() -> assertThat(names(error)).as("error/ holds five files and five reasons")
                        .hasSize(10));
        assertThat(Files.readString(error.resolve("broken.json.reason.txt"))).contains("body: not valid JSON");
        assertThat(Files.readString(error.resolve("missing.xml.reason.txt"))).contains("title: required");
        assertThat(Files.readString(error.resolve("entity.xml.reason.txt"))).contains("body:").contains("DOCTYPE");
        assertThat(Files.readString(error.resolve("wrongroot.xml.reason.txt"))).contains("<dispatch>");
        assertThat(Files.readString(error.resolve("poison.json.reason.txt"))).contains("poison");
        assertThat(names(drop.resolve("processed"))).isEmpty();
        assertThat(sim.stats().files().errors()).isEqualTo(5);
        assertThat(sim.stats().rejected()).containsEntry("400", 4L).containsEntry("422", 1L);
        assertThat(sim.dispatches()).isEmpty();
    }

    @Test
    public void filesBeingWrittenAndOtherFilesAreLeftAlone() throws Exception {
        Files.writeString(drop.resolve("c.json.tmp"), TestHttp.newDispatch());
        Files.writeString(drop.resolve(".d.json"), TestHttp.newDispatch());
        Files.writeString(drop.resolve("notes.txt"), "not a dispatch");
        drop("e.json", TestHttp.newDispatch());

        await("e.json moved to processed/").atMost(WAIT).pollInterval(POLL)
                .until(() -> exists(drop.resolve("processed/e.json")));
        await("the other files left alone").during(Duration.ofMillis(500)) // more than two rescans
                .atMost(WAIT).pollInterval(POLL).untilAsserted(() -> {
                    assertThat(names(drop)).containsExactly(".d.json", "c.json.tmp", "error", "notes.txt",
                            "processed");
                    assertThat(sim.stats().received()).isEqualTo(1);
                });
    }

    @Test
    public void whileDownFilesWait() throws Exception {
        sim.down();
        drop("f.json", TestHttp.newDispatch());
        await("f.json waits in the drop folder").during(Duration.ofMillis(500)) // more than two rescans
                .atMost(WAIT).pollInterval(POLL).until(() -> exists(drop.resolve("f.json")));
        sim.up();
        await("f.json moved to processed/").atMost(WAIT).pollInterval(POLL)
                .until(() -> exists(drop.resolve("processed/f.json")));
    }
}
