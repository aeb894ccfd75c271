package org.gongzhi.keycloak.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Test;

/** Starts a real Keycloak (20–60 s), talks to it, stops it. */
public class LocalKeycloakTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    public void startsAnswersIssuesAdminTokenAndStops() throws Exception {
        long started = System.nanoTime();
        LocalKeycloak keycloak = LocalKeycloak.builder().startTimeout(Duration.ofSeconds(300)).start();
        long pid = keycloak.pid();
        List<ProcessHandle> tree;
        try {
            System.out.printf("Keycloak ready at %s after %d s (pid %d)%n", keycloak.url(),
                    Duration.ofNanos(System.nanoTime() - started).toSeconds(), pid);
            assertThat(keycloak.url()).isEqualTo("http://127.0.0.1:" + keycloak.httpPort());
            assertThat(keycloak.adminUser()).isEqualTo("admin");
            assertThat(keycloak.adminPassword()).isNotBlank();

            HttpResponse<String> health = get(keycloak.managementUrl() + "/health/ready");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("UP");

            HttpResponse<String> discovery = get(keycloak.url() + "/realms/master/.well-known/openid-configuration");
            assertThat(discovery.statusCode()).isEqualTo(200);
            assertThat(jsonString(discovery.body(), "issuer")).isEqualTo(keycloak.url() + "/realms/master");

            String form = "grant_type=password&client_id=admin-cli"
                    + "&username=" + URLEncoder.encode(keycloak.adminUser(), StandardCharsets.UTF_8)
                    + "&password=" + URLEncoder.encode(keycloak.adminPassword(), StandardCharsets.UTF_8);
            HttpResponse<String> token = http.send(HttpRequest.newBuilder(
                            URI.create(keycloak.url() + "/realms/master/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
            assertThat(jsonString(token.body(), "access_token")).isNotBlank();
            assertThat(jsonString(token.body(), "token_type")).isEqualToIgnoringCase("Bearer");

            tree = ProcessHandle.of(pid).map(p -> {
                List<ProcessHandle> all = new java.util.ArrayList<>(p.descendants().toList());
                all.add(p);
                return all;
            }).orElseThrow();
        } finally {
            long stopping = System.nanoTime();
            keycloak.close();
            System.out.printf("Keycloak stopped in %d ms%n", Duration.ofNanos(System.nanoTime() - stopping).toMillis());
        }
        assertThat(keycloak.isRunning()).isFalse();
        for (ProcessHandle p : tree) {
            assertThat(p.isAlive()).as("process %d still alive", p.pid()).isFalse();
        }
        assertThat(ProcessHandle.of(pid)).isEmpty();
        assertThat(portIsFree(keycloak.httpPort())).isTrue();
        assertThat(portIsFree(keycloak.managementPort())).isTrue();
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A top-level string member of a small JSON object (enough for these answers; no JSON library needed). */
    private static String jsonString(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        assertThat(m.find()).as("%s in %s", name, json).isTrue();
        return m.group(1).replace("\\/", "/");
    }

    private static boolean portIsFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
