package org.gongzhi.simulator;

import java.io.PrintStream;
import java.time.Instant;

/**
 * One line per event: {@code 2026-11-22T02:00:00.123Z dispatch-accepted dispatchId=… tenant=jizhou …}.
 * Values with spaces or quotes are quoted. {@code --quiet} silences it.
 */
final class EventLog {

    private final PrintStream out;
    private final boolean quiet;

    EventLog(PrintStream out, boolean quiet) {
        this.out = out;
        this.quiet = quiet;
    }

    /** {@code keysAndValues} alternate: key, value, key, value; {@code null} values are left out. */
    void event(String name, Object... keysAndValues) {
        if (quiet) {
            return;
        }
        StringBuilder line = new StringBuilder(128).append(Instant.now()).append(' ').append(name);
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            Object v = keysAndValues[i + 1];
            if (v != null) {
                line.append(' ').append(keysAndValues[i]).append('=').append(quote(String.valueOf(v)));
            }
        }
        synchronized (out) {
            out.println(line);
        }
    }

    private static String quote(String v) {
        String oneLine = v.replace('\n', ' ').replace('\r', ' ');
        if (!oneLine.isEmpty() && oneLine.chars().noneMatch(c -> c == ' ' || c == '"' || c == '\t')) {
            return oneLine;
        }
        return '"' + oneLine.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
