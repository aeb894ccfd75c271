package org.gongzhi.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.Test;

public class ProcCpuTest {

    @Test
    public void aCommandWithSpacesAndParenthesesDoesNotShiftTheFields() {
        ProcCpu.Stat s = ProcCpu.Stat.parse("4242 (postgres: a (b) c) S 4200 4242 4242 0 -1 4194560 1 0 0 0 "
                + "17 5 3 2 20 0 1 0 100 0 0");
        assertEquals(4200, s.ppid());
        assertEquals(17, s.utime());
        assertEquals(5, s.stime());
        assertEquals(3, s.cutime());
        assertEquals(2, s.cstime());
    }

    @Test
    public void thisJvmHasUsedCpuAndHasAParent() {
        assertTrue(ProcCpu.self() > 0);
        assertTrue(ProcCpu.parent(ProcessHandle.current().pid()) > 0);
        assertTrue(Double.isNaN(ProcCpu.server(Long.MAX_VALUE)));
    }

    @Test
    public void thisJvmsThreadsAreSummedByNameWithTheirNumbersFolded() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean spinning = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread worker = new Thread(() -> {
            while (spinning.get()) {
                Thread.onSpinWait();
            }
        }, "spin-42");
        worker.start();
        java.util.Map<String, Double> threads;
        try {
            threads = Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> ProcCpu.threads(ProcessHandle.current().pid()),
                            t -> t.getOrDefault("spin-N", 0.0) > 0);
        } finally {
            spinning.set(false);
            worker.join();
        }
        assertTrue(threads.values().stream().mapToDouble(Double::doubleValue).sum() <= ProcCpu.self());
        assertEquals(java.util.Map.of(), ProcCpu.threads(Long.MAX_VALUE));
    }

    @Test
    public void aProcessIsFoundByItsCommandLineButNotThisJvm() throws Exception {
        Process child = new ProcessBuilder("sleep", "31.4159").start();
        try {
            assertEquals(List.of(child.pid()), ProcCpu.withCommandLine("sleep 31.4159"));
            assertEquals(ProcessHandle.current().pid(), ProcCpu.parent(child.pid()));
            assertEquals("this JVM's own command line is left out", List.of(),
                    ProcCpu.withCommandLine(ProcessHandle.current().info().command().orElseThrow()).stream()
                            .filter(pid -> pid == ProcessHandle.current().pid()).toList());
        } finally {
            child.destroy();
            child.waitFor();
        }
        assertEquals(List.of(), ProcCpu.withCommandLine("sleep 31.4159"));
    }
}
