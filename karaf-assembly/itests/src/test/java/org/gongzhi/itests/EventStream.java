package org.gongzhi.itests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A test client of the live event stream (server-sent events) over plain HTTP: reads frames on its own
 * thread and keeps each with the instant it arrived.
 */
final class EventStream implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** One frame: {@code event}, {@code id}, {@code data} (parsed when JSON), when it arrived. */
    record Frame(String event, String id, JsonNode data, long arrivedNanos) {
    }

    final int status;
    final String contentType;
    final List<Frame> frames = new CopyOnWriteArrayList<>();
    /** Comment lines, e.g. the greeting that says the stream is open. */
    final List<String> comments = new CopyOnWriteArrayList<>();
    private final InputStream body;
    private final Thread reader;

    private EventStream(HttpResponse<InputStream> response) {
        this.status = response.statusCode();
        this.contentType = response.headers().firstValue("Content-Type").orElse("");
        this.body = response.body();
        this.reader = new Thread(this::read, "test-sse-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens {@code path} with {@code token}, resuming after {@code lastEventId} if not null. */
    static EventStream open(int port, String path, String token, String lastEventId) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + token).GET();
        if (lastEventId != null) {
            b.header("Last-Event-ID", lastEventId);
        }
        return new EventStream(HTTP.send(b.build(), HttpResponse.BodyHandlers.ofInputStream()));
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String event = null;
            String id = null;
            StringBuilder data = new StringBuilder();
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isEmpty()) {
                    if (event != null || data.length() > 0) {
                        frames.add(new Frame(event, id, parse(data.toString()), System.nanoTime()));
                    }
                    event = null;
                    id = null;
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    comments.add(line.substring(1).strip());
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("data:")) {
                    data.append(data.length() > 0 ? "\n" : "").append(line.substring(5).strip());
                }
            }
        } catch (IOException closed) {
            // the test closed the stream
        }
    }

    private static JsonNode parse(String data) {
        try {
            return JSON.readTree(data);
        } catch (IOException notJson) {
            return null;
        }
    }

    /** The {@code event: case} frames. */
    List<Frame> cases() {
        List<Frame> cases = new ArrayList<>();
        for (Frame f : frames) {
            if ("case".equals(f.event())) {
                cases.add(f);
            }
        }
        return cases;
    }

    /** The case frames of one case. */
    List<Frame> of(String caseId) {
        return cases().stream().filter(f -> f.data() != null && caseId.equals(f.data().path("caseId").asText())).toList();
    }

    @Override
    public void close() throws IOException {
        body.close();
        reader.interrupt();
    }
}
