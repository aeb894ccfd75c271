package org.gongzhi.simulator;

import org.gongzhi.cli.ArgValues;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * {@code /admin/*} and {@code /health}: figures, the dispatch list, and the outage switch
 * ({@code POST /admin/down?for=60s&mode=refuse}, {@code POST /admin/up}). No credential is asked for; bind the
 * simulator to a loopback address (the default).
 */
final class AdminHandler implements HttpHandler {

    /** The answer of the outage switch. */
    @JsonPropertyOrder({"down", "mode", "until"})
    record OutageState(boolean down, String mode, String until) {
    }

    private final DepartmentSimulator simulator;

    AdminHandler(DepartmentSimulator simulator) {
        this.simulator = simulator;
    }

    @Override
    public void handle(HttpExchange x) throws IOException {
        try {
            String path = x.getRequestURI().getPath();
            String method = x.getRequestMethod();
            switch (path) {
                case "/health" -> {
                    if (get(x)) {
                        Exchanges.json(x, 200, Map.of("status", "up"));
                    }
                }
                case "/admin/stats" -> {
                    if (get(x)) {
                        Exchanges.json(x, 200, simulator.stats());
                    }
                }
                case "/admin/dispatches" -> {
                    if (get(x)) {
                        Exchanges.json(x, 200, simulator.dispatches());
                    }
                }
                case "/admin/down", "/admin/up" -> {
                    if (!"POST".equals(method)) {
                        Exchanges.methodNotAllowed(x, "POST");
                    } else if (path.endsWith("/up")) {
                        simulator.up();
                        Exchanges.json(x, 200, state());
                    } else {
                        down(x);
                    }
                }
                default -> Exchanges.notFound(x);
            }
        } finally {
            x.close();
        }
    }

    private void down(HttpExchange x) throws IOException {
        Map<String, String> query = query(x.getRequestURI().getRawQuery());
        Duration length;
        DownMode mode;
        try {
            length = query.containsKey("for") ? ArgValues.duration("for", query.get("for")) : null;
            mode = query.containsKey("mode") ? DownMode.parse(query.get("mode")) : null;
        } catch (IllegalArgumentException e) {
            Exchanges.problem(x, Problem.of(400, "validation", "输入有误 (invalid input)", e.getMessage(),
                    e.getMessage().startsWith("for") ? "for" : "mode"));
            return;
        }
        simulator.down(length, mode);
        Exchanges.json(x, 200, state());
    }

    private OutageState state() {
        DownMode mode = simulator.downMode();
        return new OutageState(mode != null, mode == null ? null : mode.flag(),
                simulator.downUntil() == null ? null : simulator.downUntil().toString());
    }

    private static boolean get(HttpExchange x) throws IOException {
        if ("GET".equals(x.getRequestMethod())) {
            return true;
        }
        Exchanges.methodNotAllowed(x, "GET");
        return false;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }
}
