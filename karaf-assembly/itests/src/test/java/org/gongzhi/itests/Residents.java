package org.gongzhi.itests;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Residents of the resident page as the tests play them: ask for a one-time code, read it from the SMS
 * provider simulator ({@code GET /sms/messages?to=…}) like a phone would, and sign in with it. Works in
 * the container and in the test JVM (plain {@code java.net.http}).
 */
final class Residents {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CODE = Pattern.compile("验证码为 ([0-9]{6})");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private final String platform;
    private final String sms;

    /**
     * @param platform the platform's base URL, {@code http://127.0.0.1:<port>}
     * @param sms      the SMS simulator's base URL
     */
    Residents(String platform, String sms) {
        this.platform = platform;
        this.sms = sms;
    }

    /** From the system properties of the container (or of the test JVM after the platform was booted). */
    static Residents of(int httpPort) {
        return new Residents("http://127.0.0.1:" + httpPort, System.getProperty(PlatformTestSupport.SMS_PROPERTY));
    }

    record Answer(int status, JsonNode body, HttpResponse<String> response) {
        String text(String field) {
            return body == null || body.get(field) == null ? null : body.get(field).asText();
        }
    }

    /** A session token of {@code phone} in {@code district} of this platform, signed in once and kept. */
    String token(String district, String phone) {
        // keyed by platform too: the test JVM talks to several platforms, each with its own sessions
        return TOKENS.computeIfAbsent(platform + "/" + district + "/" + phone, k -> signIn(district, phone));
    }

    /** Asks for a code, reads it from the SMS simulator and signs in with it: a fresh token. */
    String signIn(String district, String phone) {
        try {
            int before = messages(phone).size();
            Answer sent = post("/api/v1/resident/" + district + "/codes", Map.of("phone", phone), null, Map.of());
            if (sent.status() != 202) {
                throw new IllegalStateException("no code for a resident of " + district + ": " + sent.status() + " "
                        + sent.body());
            }
            String code = code(phone, before);
            Answer session = post("/api/v1/resident/" + district + "/sessions", Map.of("phone", phone, "code", code),
                    null, Map.of());
            if (session.status() != 201) {
                throw new IllegalStateException("no session: " + session.status() + " " + session.body());
            }
            return session.text("token");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The code of the newest message to {@code phone}, once there are more than {@code before} messages. */
    String code(String phone, int before) {
        JsonNode[] newest = new JsonNode[1];
        Awaitility.await("the SMS to the resident").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    JsonNode all = messages(phone);
                    newest[0] = all.size() > before ? all.get(0) : null;
                    return newest[0] != null;
                });
        Matcher m = CODE.matcher(newest[0].get("text").asText());
        if (!m.find()) {
            throw new IllegalStateException("no code in the message");
        }
        return m.group(1);
    }

    /** The messages to {@code phone} the SMS simulator received, newest first. */
    JsonNode messages(String phone) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(sms + "/sms/messages?to="
                + URLEncoder.encode(phone, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }

    Answer post(String path, Object body, String token, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(platform + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        return send(b, token, headers);
    }

    Answer get(String path, String token) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(platform + path)).timeout(Duration.ofSeconds(30)).GET(), token,
                Map.of());
    }

    Answer delete(String path, String token) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(platform + path)).timeout(Duration.ofSeconds(30)).DELETE(), token,
                Map.of());
    }

    private Answer send(HttpRequest.Builder b, String token, Map<String, String> headers)
            throws IOException, InterruptedException {
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        headers.forEach(b::header);
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode body = null;
        try {
            body = r.body() == null || r.body().isBlank() ? null : JSON.readTree(r.body());
        } catch (IOException notJson) {
            // stays null
        }
        return new Answer(r.statusCode(), body, r);
    }
}
