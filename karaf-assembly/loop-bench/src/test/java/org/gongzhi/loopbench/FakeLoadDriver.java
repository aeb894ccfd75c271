package org.gongzhi.loopbench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Stands in for the load driver's jar in {@link PlatformDriverTest} (a child process, as the real one): prints its
 * arguments, writes a closed-loop report to {@code --out} with a {@code cpu} entry for each {@code --cpu-pids} name
 * and {@code driver}, and exits with {@code --fake-exit} (default 0; 3: without a report).
 */
public final class FakeLoadDriver {

    private FakeLoadDriver() {
    }

    public static void main(String[] args) throws IOException {
        List<String> a = Arrays.asList(args);
        System.out.println("fake driver " + String.join(" ", a));
        int exit = a.contains("--fake-exit") ? Integer.parseInt(a.get(a.indexOf("--fake-exit") + 1)) : 0;
        if (exit != 3) {
            StringBuilder cpu = new StringBuilder();
            double ms = 4;
            for (String item : (a.get(a.indexOf("--cpu-pids") + 1) + ",driver=0").split(",")) {
                cpu.append(cpu.length() == 0 ? "" : ", ").append('"').append(item.substring(0, item.indexOf('=')))
                        .append("\": {\"seconds\": 1.0, \"msPerClosedCase\": ").append(ms++).append('}');
            }
            Files.writeString(Path.of(a.get(a.indexOf("--out") + 1)), "{\"mode\": \"closed-loop\", \"threads\": "
                    + a.get(a.indexOf("--threads") + 1) + ", \"casesClosed\": 300, \"measuredSeconds\": 10.0, "
                    + "\"fullLoop\": {\"p50\": 20.0, \"p99\": 40.0, \"max\": 55.0}, \"errors\": " + (exit == 1 ? 2 : 0)
                    + ", \"authFailures\": 0, \"cpu\": {" + cpu + "}}", StandardCharsets.UTF_8);
        }
        System.exit(exit);
    }
}
