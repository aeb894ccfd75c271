package org.gongzhi.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The department simulator's admin interface ({@code /admin/*}, no credential): its outage switch, its counters and
 * the list of every dispatch id it has seen. Failures are {@link IOException}s naming the call.
 */
final class SimulatorClient {

    /**
     * One dispatch id as the simulator lists it; times are ISO-8601 instants, {@code acceptedAt} null while no
     * delivery was accepted, {@code deliveries} every delivery with this id that reached the simulator's ledger.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Arrival(String dispatchId, String tenant, String department, String caseId, String receipt,
                   String firstSeen, String acceptedAt, String dispatchedAt, int deliveries) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final Duration timeout;

    SimulatorClient(URI base, Duration timeout) {
        this.base = base;
        this.timeout = timeout;
    }

    /** Ends any outage; also the check that the simulator answers at all. */
    void up() throws IOException, InterruptedException {
        call("POST", "/admin/up");
    }

    /** Down for {@code length} (the simulator comes back by itself), closing connections or answering 503. */
    void down(Duration length, String mode) throws IOException, InterruptedException {
        call("POST", "/admin/down?for=" + length.toMillis() + "ms&mode=" + mode);
    }

    /** The {@code accepted} counter of {@code /admin/stats}: dispatch ids accepted since the simulator started. */
    long accepted() throws IOException, InterruptedException {
        JsonNode stats = JSON.readTree(call("GET", "/admin/stats"));
        return stats.path("accepted").asLong(-1);
    }

    /** Every dispatch id seen since the simulator started. */
    List<Arrival> arrivals() throws IOException, InterruptedException {
        return JSON.readValue(call("GET", "/admin/dispatches"), new TypeReference<List<Arrival>>() { });
    }

    private String call(String method, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> r;
        try {
            r = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IOException("department simulator at " + base + " did not answer " + method + " " + path
                    + " (" + e + ")", e);
        }
        if (r.statusCode() != 200) {
            throw new IOException("department simulator: " + method + " " + path + " answered HTTP " + r.statusCode()
                    + ": " + r.body());
        }
        return r.body();
    }
}
