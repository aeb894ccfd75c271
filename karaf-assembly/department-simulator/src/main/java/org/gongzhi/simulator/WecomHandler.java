package org.gongzhi.simulator;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

/**
 * The simulator as WeChat Work group robots (企业微信群机器人): {@code POST /wecom/send?key=…} takes a
 * {@code text} or {@code markdown} message as the real webhook does and answers {@code {"errcode":0,"errmsg":"ok"}}
 * (errcode 40008 for an unknown message type, 44004 for empty content, 93000 without a key, and 45009 beyond
 * {@value #PER_MINUTE} messages to one robot in a minute, the real robot's limit);
 * {@code GET /wecom/messages?key=…} lists the last ones accepted, newest first. While the simulator is down
 * the robots are down too (503, or closed connections). Contents are never logged.
 */
final class WecomHandler extends ProviderHandler {

    static final int CAPACITY = 1000;
    /** Messages one robot takes in any 60 s. */
    static final int PER_MINUTE = 20;

    private final Deque<WecomMessage> messages = new ArrayDeque<>();
    private final Map<String, Deque<Instant>> recent = new java.util.HashMap<>();
    private int counter;

    WecomHandler(Outage outage, EventLog log) {
        super("/wecom", "/wecom/send", "wecom", outage, log);
    }

    @Override
    Object list(Map<String, String> query) {
        return list(param(query, "key"), 100);
    }

    @Override
    void send(HttpExchange x, Map<String, String> query) throws IOException {
        String key = query.get("key");
        if (outage.current() != null) {
            log.event("wecom-rejected", "status", 503, "reason", "down");
            Exchanges.problem(x, Problem.of(503, "unavailable", "服务暂不可用 (service unavailable)",
                    "the robot is down (simulated outage)", null));
            return;
        }
        if (key == null || key.isBlank()) {
            answer(x, 93000, "invalid webhook url (no key)");
            return;
        }
        JsonNode json = Exchanges.jsonBody(x);
        String type = json == null ? "" : json.path("msgtype").asText("");
        if (!"text".equals(type) && !"markdown".equals(type)) {
            answer(x, 40008, "invalid message type");
            return;
        }
        String content = json.path(type).path("content").asText("");
        if (content.isBlank()) {
            answer(x, 44004, "empty content");
            return;
        }
        if (!withinLimit(key, Instant.now())) {
            answer(x, 45009, "api freq out of limit");
            return;
        }
        WecomMessage m = add(key, type, content);
        log.event("wecom-accepted", "messageId", m.messageId());
        answer(x, 0, "ok");
    }

    private void answer(HttpExchange x, int errcode, String errmsg) throws IOException {
        if (errcode != 0) {
            log.event("wecom-rejected", "errcode", errcode);
        }
        Exchanges.json(x, 200, Map.of("errcode", errcode, "errmsg", errmsg));
    }

    /** Counts a message to robot {@code key} at {@code now} unless it already took its limit in the last minute. */
    private synchronized boolean withinLimit(String key, Instant now) {
        Deque<Instant> times = recent.computeIfAbsent(key, k -> new ArrayDeque<>());
        while (!times.isEmpty() && !times.peekFirst().isAfter(now.minusSeconds(60))) {
            times.removeFirst();
        }
        if (times.size() >= PER_MINUTE) {
            return false;
        }
        times.addLast(now);
        return true;
    }

    synchronized WecomMessage add(String key, String type, String content) {
        WecomMessage m = new WecomMessage(String.format("WECOM-%06d", ++counter), key, type, content,
                Instant.now().toString());
        messages.addFirst(m);
        while (messages.size() > CAPACITY) {
            messages.removeLast();
        }
        return m;
    }

    /** Newest first; only those to robot {@code key} unless it is {@code null}. */
    synchronized List<WecomMessage> list(String key, int limit) {
        List<WecomMessage> out = new ArrayList<>();
        for (WecomMessage m : messages) {
            if (out.size() >= limit) {
                break;
            }
            if (key == null || key.isBlank() || key.equals(m.key())) {
                out.add(m);
            }
        }
        return out;
    }
}
