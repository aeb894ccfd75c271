package org.gongzhi.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The used heap of another JVM on this machine, read with the JDK's {@code jstat} and {@code jcmd}. */
final class JvmHeap {

    private JvmHeap() {
    }

    /** Used heap in KB (S0U + S1U + EU + OU of {@code jstat -gc}), or -1 when it cannot be read. */
    static long usedKb(String pid) throws IOException, InterruptedException {
        List<String> lines = run("jstat", "-gc", pid);
        return lines.size() >= 2 ? used(lines.get(0), lines.get(1)) : -1;
    }

    /** Used heap in KB right after a full collection ({@code jcmd <pid> GC.run}): what the platform keeps. */
    static long liveKb(String pid) throws IOException, InterruptedException {
        run("jcmd", pid, "GC.run");
        return usedKb(pid);
    }

    static long used(String header, String values) {
        String[] names = header.trim().split("\\s+");
        String[] numbers = values.trim().split("\\s+");
        double kb = 0;
        for (int i = 0; i < names.length && i < numbers.length; i++) {
            if (List.of("S0U", "S1U", "EU", "OU").contains(names[i])) {
                kb += Double.parseDouble(numbers[i]);
            }
        }
        return (long) kb;
    }

    private static List<String> run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).lines().toList();
        p.waitFor();
        return lines;
    }

    /** Samples the used heap every 100 ms on its own thread; {@link #finish} gives the peak in MB. */
    static final class Sampler extends Thread {
        private final String pid;
        private volatile boolean running = true;
        private volatile long peakKb;

        Sampler(String pid) {
            super("heap-sampler");
            this.pid = pid;
            setDaemon(true);
        }

        @Override
        public void run() {
            while (running) {
                try {
                    peakKb = Math.max(peakKb, usedKb(pid));
                    Thread.sleep(100);
                } catch (IOException e) {
                    running = false;
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        long finish() throws InterruptedException {
            running = false;
            join(2000);
            return peakKb / 1024;
        }
    }
}
