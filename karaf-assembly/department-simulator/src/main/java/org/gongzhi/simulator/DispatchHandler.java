package org.gongzhi.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * {@code POST} on the dispatch path: outage, service time, credential, body, then the {@link Intake}'s
 * decision, answered as 202 (accepted), 200 (duplicate), 400, 401, 409, 413, 415, 422 or 503.
 */
final class DispatchHandler implements HttpHandler {

    /** The answer to an accepted or repeated dispatch. */
    @JsonPropertyOrder({"dispatchId", "receipt", "duplicate"})
    record Receipt(String dispatchId, String receipt, boolean duplicate) {
    }

    private final Settings settings;
    private final DispatchPath path;
    private final Outage outage;
    private final Intake intake;
    private final Stats stats;
    private final EventLog log;

    DispatchHandler(Settings settings, DispatchPath path, Outage outage, Intake intake, Stats stats, EventLog log) {
        this.settings = settings;
        this.path = path;
        this.outage = outage;
        this.intake = intake;
        this.stats = stats;
        this.log = log;
    }

    @Override
    public void handle(HttpExchange x) throws IOException {
        DispatchPath.Match where = path.match(x.getRequestURI().getPath());
        DownMode down = where == null ? null : outage.current();
        if (down == DownMode.REFUSE && "POST".equals(x.getRequestMethod())) {
            stats.rejected("refused", where.tenant(), where.department());
            log.event("dispatch-refused", "path", x.getRequestURI().getPath(), "reason", "down (connection closed)");
            // The JDK server closes the connection without an answer when a handler throws an IOException.
            throw new IOException("simulated outage: connection closed without an answer");
        }
        try {
            if (where == null) {
                Exchanges.notFound(x);
            } else if (!"POST".equals(x.getRequestMethod())) {
                Exchanges.methodNotAllowed(x, "POST");
            } else if (down != null) {
                unavailable(x, where);
            } else {
                sleep();
                receive(x, where);
            }
        } finally {
            x.close();
        }
    }

    private void receive(HttpExchange x, DispatchPath.Match where) throws IOException {
        Settings.RequiredHeader required = settings.requiredHeader();
        if (required != null && !matches(x.getRequestHeaders().getFirst(required.name()), required.value())) {
            refuse(x, where, Problem.of(401, "unauthorized", "未认证 (not authenticated)",
                    "missing or wrong " + required.name() + " header", null));
            return;
        }
        String type = x.getRequestHeaders().getFirst("Content-Type");
        if (type != null && !type.toLowerCase(Locale.ROOT).contains("json")) {
            refuse(x, where, Problem.of(415, "unsupported-media-type", "不支持的内容类型 (unsupported media type)",
                    "send application/json, not " + type, null));
            return;
        }
        byte[] body = Exchanges.body(x);
        if (body == null) {
            refuse(x, where, Problem.of(413, "too-large", "请求体过大 (body too large)",
                    "at most " + Exchanges.MAX_BODY + " bytes", "body"));
            return;
        }
        Dispatch d;
        try {
            d = DispatchReader.fromJson(body);
            checkPath(d, where);
        } catch (InvalidDispatchException e) {
            refuse(x, where, Problem.of(400, "validation", "输入有误 (invalid input)", e.getMessage(), e.field()));
            return;
        }
        Intake.Outcome o = intake.receive(d, Intake.HTTP);
        switch (o.kind()) {
            case ACCEPTED -> Exchanges.json(x, 202, new Receipt(d.dispatchId(), o.record().receipt(), false));
            case DUPLICATE -> Exchanges.json(x, 200, new Receipt(d.dispatchId(), o.record().receipt(), true));
            case POISON -> Exchanges.problem(x, Problem.of(422, "poison", "无法处理的派遣 (unprocessable dispatch)",
                    "title: this department never accepts a dispatch titled like this (--poison-title)", "title"));
            case CONFLICT -> Exchanges.problem(x, Problem.of(409, "dispatch-conflict", "派遣编号冲突 (dispatch id reused)",
                    o.field() + ": dispatch " + d.dispatchId() + " was accepted with another " + o.field(), o.field()));
            default -> {
                x.getResponseHeaders().set("Retry-After", "1");
                Exchanges.problem(x, Problem.of(503, "unavailable", "服务暂不可用 (service unavailable)",
                        "simulated failure of this delivery (--fail-rate); deliver it again", null));
            }
        }
    }

    private void unavailable(HttpExchange x, DispatchPath.Match where) throws IOException {
        stats.rejected("503", where.tenant(), where.department());
        log.event("dispatch-rejected", "status", 503, "path", x.getRequestURI().getPath(), "reason", "down");
        x.getResponseHeaders().set("Retry-After", Long.toString(outage.retryAfterSeconds()));
        Exchanges.problem(x, Problem.of(503, "unavailable", "服务暂不可用 (service unavailable)",
                "the department system is down (simulated outage)", null));
    }

    private void refuse(HttpExchange x, DispatchPath.Match where, Problem p) throws IOException {
        stats.rejected(Integer.toString(p.status()), where.tenant(), where.department());
        log.event("dispatch-rejected", "status", p.status(), "path", x.getRequestURI().getPath(), "field", p.field(),
                "reason", p.detail());
        if (p.status() == 401 && "authorization".equalsIgnoreCase(settings.requiredHeader().name())) {
            x.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"department-simulator\"");
        }
        Exchanges.problem(x, p);
    }

    /** A dispatch sent to a department's own path must be for that department (and tenant). */
    private static void checkPath(Dispatch d, DispatchPath.Match where) throws InvalidDispatchException {
        if (where.tenant() != null && !where.tenant().equals(d.tenant())) {
            throw new InvalidDispatchException("tenant", "is " + d.tenant() + " but the path is for " + where.tenant());
        }
        if (where.department() != null && !where.department().equalsIgnoreCase(d.department())) {
            throw new InvalidDispatchException("department", "is " + d.department() + " but the path is for "
                    + where.department());
        }
    }

    private void sleep() {
        if (!settings.latency().isZero()) {
            try {
                Thread.sleep(settings.latency().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static boolean matches(String given, String expected) {
        return given != null && MessageDigest.isEqual(given.trim().getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }
}
