package org.gongzhi.simulator;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.awaitility.core.ConditionTimeoutException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Small helpers of the tests: a plain HTTP client, dispatch bodies and waiting for a condition. */
final class TestHttp {

    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private TestHttp() {
    }

    static HttpResponse<String> post(URI uri, String body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(String body) throws IOException {
        return Json.MAPPER.readTree(body);
    }

    /** A complete, valid dispatch for tenant jizhou, department CG. */
    static ObjectNode dispatch(String dispatchId) {
        ObjectNode d = Json.MAPPER.createObjectNode();
        d.put("dispatchId", dispatchId);
        d.put("tenant", "jizhou");
        d.put("department", "CG");
        d.put("caseId", "0e4b3c2a-1d2e-4f5a-8b9c-0d1e2f3a4b5c");
        d.put("caseNumber", "360802-20261122-000123");
        d.put("title", "小区门口垃圾堆积");
        d.put("description", "垃圾已堆放三天");
        d.put("categoryCode", "CM0101");
        d.put("tier", "simple");
        d.put("gridCode", "360802001001001");
        d.put("address", "吉州区文山街道");
        d.put("longitude", 114.927);
        d.put("latitude", 27.08);
        d.put("dueAt", "2026-11-23T18:00:00+08:00");
        d.put("dispatchedAt", "2026-11-22T10:00:00+08:00");
        d.putArray("attachments").add("https://files.example/a.jpg");
        return d;
    }

    static String newDispatch() {
        return dispatch(UUID.randomUUID().toString()).toString();
    }

    /** Waits up to {@code millis} for {@code condition}, checking every 10 ms; false if it never held. */
    static boolean eventually(long millis, BooleanSupplier condition) {
        try {
            await().atMost(Duration.ofMillis(millis)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10))
                    .until(condition::getAsBoolean);
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }
}
