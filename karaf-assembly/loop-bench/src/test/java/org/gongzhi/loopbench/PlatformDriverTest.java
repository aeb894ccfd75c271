package org.gongzhi.loopbench;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.awaitility.Awaitility;
import org.gongzhi.cli.ProcCpu;
import org.gongzhi.loopbench.ClosedLoopRun.Point;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Part (a) without a platform: the driver's command line, a stand-in driver as child process, the Karaf JVM's pid. */
public class PlatformDriverTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private final long self = ProcessHandle.current().pid();

    /** A jar whose main class is {@link FakeLoadDriver}, found on this module's test class path. */
    private Path fakeJar() throws Exception {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeLoadDriver.class.getName());
        m.getMainAttributes().put(Attributes.Name.CLASS_PATH,
                FakeLoadDriver.class.getProtectionDomain().getCodeSource().getLocation().toString());
        Path jar = tmp.getRoot().toPath().resolve("fake-driver.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, m)) {
            j.flush();
        }
        return jar;
    }

    @Test
    public void theDriverRunsTheClosedLoopWithEvaluateAndTheCpuOfKarafAndPostgres() throws Exception {
        Path dir = tmp.getRoot().toPath().resolve("out");
        PlatformDriver d = new PlatformDriver(fakeJar(), 4242, 4343, " --base http://127.0.0.1:8181  --password-file /x ",
                dir);
        List<String> cmd = d.command(4, Duration.ofSeconds(10), Duration.ofMillis(30_500), dir.resolve("r.json"));
        assertEquals(List.of("--threads", "4", "--warmup", "10000ms", "--duration", "30500ms", "--evaluate",
                "--cpu-pids", "karaf=4242,postgres=4343", "--out", dir.resolve("r.json").toString(), "--base",
                "http://127.0.0.1:8181", "--password-file", "/x"), cmd.subList(3, cmd.size()));
        assertEquals(List.of("-jar", fakeJar().toString()), cmd.subList(1, 3));
        assertTrue(cmd.get(0), cmd.get(0).endsWith("/bin/java"));
        List<String> noPostgres = new PlatformDriver(fakeJar(), 4242, -1, "", dir)
                .command(1, Duration.ZERO, Duration.ofSeconds(5), dir.resolve("r.json"));
        assertEquals("karaf=4242", noPostgres.get(noPostgres.indexOf("--cpu-pids") + 1));
    }

    @Test
    public void aRunBecomesThePlatformPointWithItsCpuFigures() throws Exception {
        Path dir = tmp.getRoot().toPath().resolve("target");
        PlatformDriver d = new PlatformDriver(fakeJar(), self, 1, "", dir);
        Point p = d.run(4, Duration.ofSeconds(2), Duration.ofSeconds(5));
        assertEquals("platform", p.engine());
        assertEquals(4, p.threads());
        assertEquals(300, p.loops());
        assertEquals(30.0, p.loopsPerSecond(), 1e-9);
        assertEquals(20.0, p.p50Ms(), 0);
        assertEquals(40.0, p.p99Ms(), 0);
        assertEquals("karaf's CPU is the engine's", 4.0, p.engineCpuMsPerLoop(), 0);
        assertEquals(5.0, p.postgresCpuMsPerLoop(), 0);
        assertEquals("the driver's CPU is the client's", 6.0, p.clientCpuMsPerLoop(), 0);
        assertEquals(0, p.errors());
        String log = Files.readString(dir.resolve("platform-4.log"));
        assertTrue(log, log.contains("--evaluate --cpu-pids karaf=" + self + ",postgres=1 --out"));
        assertTrue(Files.isRegularFile(dir.resolve("platform-4.json")));
    }

    @Test
    public void failedCallsMakeAnErrorAndNoReportStopsTheBench() throws Exception {
        Path dir = tmp.getRoot().toPath();
        Point failed = new PlatformDriver(fakeJar(), self, -1, "--fake-exit 1", dir).run(1, Duration.ZERO,
                Duration.ofSeconds(1));
        assertEquals(2, failed.errors());
        assertTrue(failed.firstError(), failed.firstError().contains("platform-1.log"));
        IOException e = assertThrows(IOException.class, () -> new PlatformDriver(fakeJar(), self, -1, "--fake-exit 3",
                dir).run(8, Duration.ZERO, Duration.ofSeconds(1)));
        assertTrue(e.getMessage(), e.getMessage().contains("exited with 3, no report: see " + dir.resolve("platform-8.log")));
    }

    @Test
    public void theBenchSetsTheDriversLoopOptionsItself() {
        assertEquals(List.of("--tenants", "jizhou", "--user", "jizhou=jz-admin"),
                PlatformDriver.args(" --tenants jizhou --user jizhou=jz-admin"));
        assertEquals(List.of(), PlatformDriver.args(""));
        for (String own : List.of("--threads 2", "--out=x.json", "--evaluate", "--cpu-pids a=1", "--rate 5",
                "--duration 1s", "--warmup 1s", "--scenario dispatch", "--close-fraction 0.5")) {
            assertThrows(own, IllegalArgumentException.class, () -> PlatformDriver.args("--base http://x " + own));
        }
        assertThrows(IllegalArgumentException.class, () -> new PlatformDriver(Path.of("/nonexistent/driver.jar"), self,
                -1, "", tmp.getRoot().toPath()));
    }

    @Test
    public void theKarafJvmIsTheOneProcessRunningItsMainClass() throws Exception {
        String main = "gz-test-karaf-" + UUID.randomUUID();
        assertEquals(self, PlatformDriver.karafPid(" " + self, main));
        assertThrows(IllegalArgumentException.class, () -> PlatformDriver.karafPid("x", main));
        assertThrows(IllegalArgumentException.class, () -> PlatformDriver.karafPid("" + Integer.MAX_VALUE, main));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PlatformDriver.karafPid("", main)).getMessage()
                .startsWith("no process of this host runs " + main));
        List<Process> karafs = new ArrayList<>();
        try {
            // `read` is built into the shell: no child process that could briefly carry the same command line
            karafs.add(started(new ProcessBuilder("sh", "-c", "read line", main).start(), main));
            assertEquals(karafs.get(0).pid(), PlatformDriver.karafPid("", main));
            karafs.add(started(new ProcessBuilder("sh", "-c", "read line", main).start(), main));
            assertTrue(assertThrows(IllegalArgumentException.class, () -> PlatformDriver.karafPid("", main))
                    .getMessage().startsWith("several processes of this host run " + main + " ["));
        } finally {
            for (Process p : karafs) {
                p.destroy();
                p.waitFor();
            }
        }
    }

    /** {@code p} once its command line (holding {@code main}) can be read, at most 5 s after its start. */
    private static Process started(Process p, String main) {
        Awaitility.await("the stand-in's command line").atMost(Duration.ofSeconds(5))
                .until(() -> ProcCpu.withCommandLine(main).contains(p.pid()));
        return p;
    }

    @Test
    public void theOneCommandsOptionsAreCheckedBeforeAnyDatabaseStarts() {
        String[][] bad = {
            {"--platform-driver", "d.jar"},
            {"--platform-driver", "d.jar", "--db-url", "jdbc:postgresql://127.0.0.1/x", "--platform", "a.json"},
            {"--karaf-pid", "1"}, {"--driver-args", "--base http://127.0.0.1:8181"},
            {"--platform-driver", "d.jar", "--db-url", "jdbc:postgresql://127.0.0.1/x", "--driver-args", "--threads 3"},
        };
        for (String[] args : bad) {
            assertEquals(String.join(" ", args), 2, LoopBench.run(args));
        }
    }

    @Test
    public void logsAndReportsGoBesideTheOutFile() {
        assertEquals(Path.of("/tmp/bench"), LoopBench.outputDirectory("/tmp/bench/loop.json"));
        assertEquals(Path.of("target"), LoopBench.outputDirectory(""));
    }
}
