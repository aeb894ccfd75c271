package org.gongzhi.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Progress updates posted to a stand-in platform with tokens from a stand-in Keycloak. */
public class UpdatesTest {

    private PlatformStub platform;
    private DepartmentSimulator sim;

    @Before
    public void platform() throws IOException {
        platform = new PlatformStub();
    }

    @After
    public void stop() {
        if (sim != null) {
            sim.stop();
        }
        platform.close();
    }

    private SimulatorBuilder builder() {
        return DepartmentSimulator.builder().port(0).quiet(true).platformUrl(platform.url())
                .tokenUrl(platform.tokenUrl()).clientSecret("demo-{tenant}-{department}-secret")
                .acceptAfter(Duration.ofMillis(20)).progressAfter(Duration.ofMillis(60))
                .resolveAfter(Duration.ofMillis(120)).retryInitial(Duration.ofMillis(50))
                .retryMax(Duration.ofMillis(200));
    }

    private String dispatch(SimulatorBuilder b) throws Exception {
        sim = b.build();
        sim.start();
        String id = UUID.randomUUID().toString();
        assertThat(TestHttp.post(sim.dispatchUrl("jizhou", "CG"), TestHttp.dispatch(id).toString()).statusCode())
                .isEqualTo(202);
        return id;
    }

    private List<PlatformStub.Post> delivered() {
        return platform.posts.stream().filter(p -> p.answered() / 100 == 2).toList();
    }

    @Test
    public void updatesArePostedInOrderWithABearerTokenAndRetriedAfterA503() throws Exception {
        platform.answers.add(503); // the first post of "accepted" fails
        String id = dispatch(builder());

        assertThat(sim.awaitUpdates(Duration.ofSeconds(10))).isTrue();
        List<PlatformStub.Post> posts = platform.posts;
        assertThat(posts).hasSize(4);
        assertThat(posts.get(0).answered()).isEqualTo(503);
        assertThat(posts.get(1).body().get("updateId")).as("a retry repeats the same update")
                .isEqualTo(posts.get(0).body().get("updateId"));
        assertThat(posts.get(1).idempotencyKey()).isEqualTo(posts.get(1).body().get("updateId").asText());

        List<PlatformStub.Post> ok = delivered();
        assertThat(ok).extracting(p -> p.body().get("status").asText())
                .containsExactly("accepted", "in-progress", "resolved");
        assertThat(ok).extracting(p -> p.body().get("sequence").asInt()).containsExactly(1, 2, 3);
        assertThat(ok).extracting(PlatformStub.Post::path)
                .containsOnly("/api/v1/tenants/jizhou/departments/CG/updates");
        assertThat(ok).extracting(PlatformStub.Post::authorization).containsOnly("Bearer token-1");
        assertThat(ok).extracting(p -> p.body().get("updateId").asText()).doesNotHaveDuplicates();
        Instant previous = Instant.EPOCH;
        for (PlatformStub.Post p : ok) {
            JsonNode u = p.body();
            assertThat(u.get("dispatchId").asText()).isEqualTo(id);
            assertThat(u.get("tenant").asText()).isEqualTo("jizhou");
            assertThat(u.get("department").asText()).isEqualTo("CG");
            assertThat(u.get("caseId").asText()).isEqualTo("0e4b3c2a-1d2e-4f5a-8b9c-0d1e2f3a4b5c");
            assertThat(u.get("receipt").asText()).isEqualTo(sim.dispatches().get(0).receipt());
            Instant at = Instant.parse(u.get("at").asText());
            assertThat(at).isAfter(previous);
            previous = at;
        }
        JsonNode resolved = ok.get(2).body();
        assertThat(resolved.get("note").asText()).isEqualTo("已处置完毕 (handled)");
        assertThat(resolved.get("photos").get(0).asText()).isEqualTo("https://sim.example/photos/" + id + ".jpg");
        assertThat(ok.get(0).body().get("photos")).isEmpty();

        assertThat(platform.grants).singleElement().satisfies(g -> assertThat(g).containsAllEntriesOf(Map.of(
                "path", "/realms/jizhou/protocol/openid-connect/token", "grant_type", "client_credentials",
                "client_id", "dept-cg", "client_secret", "demo-jizhou-cg-secret")));
        StatsSnapshot.Updates stats = sim.stats().updates();
        assertThat(stats.planned()).isEqualTo(3);
        assertThat(stats.sent()).isEqualTo(3);
        assertThat(stats.retries()).isEqualTo(1);
        assertThat(stats.pending()).isZero();
        assertThat(stats.failed()).isZero();
    }

    @Test
    public void aReturnedDispatchGetsOneReturnedUpdate() throws Exception {
        String id = dispatch(builder().returnRate(1.0));
        assertThat(sim.awaitUpdates(Duration.ofSeconds(10))).isTrue();
        assertThat(platform.posts).singleElement().satisfies(p -> {
            assertThat(p.body().get("status").asText()).isEqualTo("returned");
            assertThat(p.body().get("note").asText()).isEqualTo("非本部门职责 (not ours)");
            assertThat(p.body().get("sequence").asInt()).isEqualTo(1);
            assertThat(p.body().get("dispatchId").asText()).isEqualTo(id);
        });
        assertThat(sim.dispatches().get(0).outcome()).isEqualTo("returned");
    }

    @Test
    public void aRefusedUpdateIsDroppedAndTheNextOneFollows() throws Exception {
        platform.answers.add(409);
        dispatch(builder().progressAfter(null));
        assertThat(sim.awaitUpdates(Duration.ofSeconds(10))).isTrue();
        assertThat(platform.posts).extracting(p -> p.body().get("status").asText() + "/" + p.answered())
                .containsExactly("accepted/409", "resolved/204");
        assertThat(platform.posts.get(1).body().get("sequence").asInt()).isEqualTo(2);
        assertThat(sim.stats().updates().failed()).isEqualTo(1);
        assertThat(sim.stats().updates().sent()).isEqualTo(1);
    }

    @Test
    public void a401FetchesAFreshTokenOnce() throws Exception {
        platform.answers.add(401);
        dispatch(builder().progressAfter(null));
        assertThat(sim.awaitUpdates(Duration.ofSeconds(10))).isTrue();
        assertThat(platform.grants).hasSize(2);
        assertThat(platform.posts).extracting(PlatformStub.Post::authorization)
                .containsExactly("Bearer token-1", "Bearer token-2", "Bearer token-2");
        assertThat(delivered()).hasSize(2);
    }

    @Test
    public void tooManyRequestsAndAnUnreachableTokenEndpointAreRetried() throws Exception {
        platform.tokenFailures.set(1);
        platform.answers.add(429);
        platform.answers.add(408);
        dispatch(builder().progressAfter(null));
        assertThat(sim.awaitUpdates(Duration.ofSeconds(10))).isTrue();
        assertThat(platform.grants).hasSize(2);
        assertThat(platform.posts).extracting(PlatformStub.Post::answered).containsExactly(429, 408, 204, 204);
        assertThat(delivered()).extracting(PlatformStub.Post::authorization).containsOnly("Bearer token-1");
        assertThat(sim.stats().updates().retries()).isEqualTo(3);
    }

    @Test
    public void secretsComeFromTheSecretsFileAndAShortLivedTokenIsRenewed() throws Exception {
        Path secrets = Files.createTempFile("secrets", ".properties");
        try {
            Files.writeString(secrets, "jizhou.cg = from-the-file\n");
            platform.expiresIn = 2; // kept for half its life: renewed before "resolved"
            dispatch(builder().clientSecret(null).secretsFile(secrets).progressAfter(null)
                    .resolveAfter(Duration.ofMillis(1_500)));
            assertThat(sim.awaitUpdates(Duration.ofSeconds(10))).isTrue();
            assertThat(platform.grants).hasSize(2)
                    .allSatisfy(g -> assertThat(g).containsEntry("client_secret", "from-the-file"));
            assertThat(delivered()).extracting(PlatformStub.Post::authorization)
                    .containsExactly("Bearer token-1", "Bearer token-2");
        } finally {
            Files.deleteIfExists(secrets);
        }
    }

    @Test
    public void aSecretThatKeycloakRefusesDropsTheUpdates() throws Exception {
        dispatch(builder().clientSecret("wrong").progressAfter(null));
        assertThat(sim.awaitUpdates(Duration.ofSeconds(10))).isTrue();
        assertThat(platform.posts).isEmpty();
        assertThat(platform.grants).hasSize(2);
        assertThat(sim.stats().updates().failed()).isEqualTo(2);
    }

    @Test
    public void withoutAnySecretUpdatesGoWithoutAToken() throws Exception {
        dispatch(builder().clientSecret(null).progressAfter(null));
        assertThat(sim.awaitUpdates(Duration.ofSeconds(10))).isTrue();
        assertThat(platform.grants).isEmpty();
        assertThat(delivered()).hasSize(2).allSatisfy(p -> assertThat(p.authorization()).isNull());
    }

    @Test
    public void aDepartmentWithoutASecretInTheFileHasItsUpdatesDropped() throws Exception {
        Path secrets = Files.createTempFile("secrets", ".properties");
        try {
            Files.writeString(secrets, "jizhou.ga = only-for-ga\n");
            dispatch(builder().clientSecret(null).secretsFile(secrets).progressAfter(null));
            assertThat(sim.awaitUpdates(Duration.ofSeconds(10))).isTrue();
            assertThat(platform.posts).isEmpty();
            assertThat(sim.stats().updates().failed()).isEqualTo(2);
        } finally {
            Files.deleteIfExists(secrets);
        }
    }

    @Test
    public void noUpdatesMeansNone() throws Exception {
        dispatch(builder().updates(false));
        await("no update is planned or posted").during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
                    assertThat(platform.posts).isEmpty();
                    assertThat(sim.stats().updates().planned()).isZero();
                });
    }

    @Test
    public void aCallbackUrlOnThePlatformsOriginIsUsedAndAnyOtherIgnored() throws Exception {
        sim = builder().progressAfter(null).build();
        sim.start();
        String id = UUID.randomUUID().toString();
        String callback = platform.url() + "/api/v1/tenants/jizhou/callbacks/" + id;
        TestHttp.post(sim.dispatchUrl("jizhou", "CG"), TestHttp.dispatch(id).put("callbackUrl", callback).toString());
        String other = UUID.randomUUID().toString();
        TestHttp.post(sim.dispatchUrl("jizhou", "CG"),
                TestHttp.dispatch(other).put("callbackUrl", "http://elsewhere.example/steal").toString());
        assertThat(sim.awaitUpdates(Duration.ofSeconds(10))).isTrue();
        assertThat(platform.posts).filteredOn(p -> p.body().get("dispatchId").asText().equals(id))
                .extracting(PlatformStub.Post::path).containsOnly("/api/v1/tenants/jizhou/callbacks/" + id);
        assertThat(platform.posts).filteredOn(p -> p.body().get("dispatchId").asText().equals(other))
                .extracting(PlatformStub.Post::path).containsOnly("/api/v1/tenants/jizhou/departments/CG/updates");
    }
}
