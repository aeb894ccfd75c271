package org.gongzhi.itests;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A plain Open311 GeoReport v2 client as an independent integrator would write one from the
 * specification: no bearer token, query strings and form-encoded POST bodies, JSON or XML answers.
 */
final class Open311Client {

    /** The demo key of Jizhou shipped in etc/org.gongzhi.open311.cfg (demo only). */
    static final String JIZHOU_KEY = "jizhou-open311-demo-key-2026";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    Open311Client(int port) {
        this.base = "http://127.0.0.1:" + port + "/open311/v2/";
    }

    record Reply(int status, String contentType, String body) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }

        Document xml() throws Exception {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }

    /** GET {@code resource} (e.g. {@code services.json}) with alternating query names and values. */
    Reply get(String resource, String... query) throws IOException, InterruptedException {
        String q = encode(query);
        return send(HttpRequest.newBuilder(URI.create(base + resource + (q.isEmpty() ? "" : "?" + q))).GET());
    }

    /** POST {@code resource} as application/x-www-form-urlencoded with alternating names and values. */
    Reply post(String resource, String... form) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + resource))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
    }

    /** GET {@code resourceAndQuery} as given (already encoded, so malformed encodings can be sent) with headers. */
    Reply getRaw(String resourceAndQuery, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + resourceAndQuery)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b);
    }

    /** Any method on {@code resource} with a raw body of {@code contentType} (null: no body). */
    Reply send(String method, String resource, String contentType, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + resource));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /** POST {@code resource} with another content type. */
    Reply postJson(String resource, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + resource)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    private static String encode(String... namesAndValues) {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            pairs.add(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return String.join("&", pairs);
    }
}
