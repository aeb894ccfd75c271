package org.gongzhi.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

/**
 * The simulator as an SMS provider (短信服务商): {@code POST /sms} takes a message to send,
 * {@code GET /sms/messages?to=…} lists the last ones accepted, newest first, so that tests and the demo can
 * read one-time codes. While the simulator is down the provider is down too (503 or closed connections).
 * Phone numbers and texts are never logged.
 */
final class SmsHandler extends ProviderHandler {

    /** A mobile number as providers take it: digits with an optional {@code +} and country code. */
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{5,15}");
    static final int MAX_TEXT = 500;

    /** The provider's answer to an accepted message. */
    record Accepted(String messageId, String status) {
    }

    private final Settings.RequiredHeader requiredHeader;
    private final SmsInbox inbox;

    SmsHandler(Settings.RequiredHeader requiredHeader, Outage outage, SmsInbox inbox, EventLog log) {
        super("/sms", "/sms", "sms", outage, log);
        this.requiredHeader = requiredHeader;
        this.inbox = inbox;
    }

    @Override
    Object list(Map<String, String> query) {
        return inbox.list(param(query, "to"), 100);
    }

    @Override
    void send(HttpExchange x, Map<String, String> query) throws IOException {
        if (outage.current() != null) {
            log.event("sms-rejected", "status", 503, "reason", "down");
            x.getResponseHeaders().set("Retry-After", Long.toString(outage.retryAfterSeconds()));
            Exchanges.problem(x, Problem.of(503, "unavailable", "服务暂不可用 (service unavailable)",
                    "the SMS provider is down (simulated outage)", null));
            return;
        }
        if (requiredHeader != null && !matches(x.getRequestHeaders().getFirst(requiredHeader.name()), requiredHeader.value())) {
            refuse(x, 401, "unauthorized", "未认证 (not authenticated)", "missing or wrong " + requiredHeader.name()
                    + " header", null);
            return;
        }
        String type = x.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).contains("json")) {
            refuse(x, 415, "unsupported-media-type", "不支持的内容类型 (unsupported media type)", "send application/json",
                    null);
            return;
        }
        JsonNode json = Exchanges.jsonBody(x);
        if (json == null || !json.isObject()) {
            refuse(x, 400, "validation", "输入有误 (invalid input)", "body: a JSON object is required", "body");
            return;
        }
        String to = json.path("to").asText("");
        String text = json.path("text").asText("");
        if (!json.path("to").isTextual() || !PHONE.matcher(to).matches()) {
            refuse(x, 400, "validation", "输入有误 (invalid input)", "to: a mobile number", "to");
            return;
        }
        if (!json.path("text").isTextual() || text.isBlank() || text.length() > MAX_TEXT) {
            refuse(x, 400, "validation", "输入有误 (invalid input)", "text: 1-" + MAX_TEXT + " characters", "text");
            return;
        }
        SmsMessage m = inbox.add(to, text, json.path("signature").isTextual() ? json.get("signature").asText() : null,
                json.path("tenant").isTextual() ? json.get("tenant").asText() : null, Instant.now().toString());
        log.event("sms-accepted", "messageId", m.messageId());
        Exchanges.json(x, 200, new Accepted(m.messageId(), "accepted"));
    }

    private void refuse(HttpExchange x, int status, String type, String title, String detail, String field)
            throws IOException {
        log.event("sms-rejected", "status", status, "reason", detail);
        Exchanges.problem(x, Problem.of(status, type, title, detail, field));
    }

    private static boolean matches(String given, String expected) {
        return given != null && MessageDigest.isEqual(given.trim().getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }
}
