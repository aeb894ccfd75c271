package org.gongzhi.core.identity.internal;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.gongzhi.core.identity.Caller;
import org.gongzhi.core.identity.InvalidTokenException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import com.nimbusds.jose.jwk.RSAKey;

/**
 * What validating a bearer token costs once the realm's keys are cached (the target:
 * under 1 ms per request at p99). Keycloak-shaped tokens (RS256, 2048-bit keys, ~1 KB) of three
 * realms; the JWKS is served over HTTP by {@link KeycloakStub} and fetched during setup, so the
 * measured calls never touch the network. {@code SampleTime} gives the percentiles.
 *
 * <p>Run: {@code mvn test-compile exec:exec@bench} (see README.md).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 10)
@Fork(value = 1, jvmArgsAppend = { "-Xmx256m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn" })
@State(Scope.Benchmark)
public class TokenValidationBenchmark {

    private static final String[] REALMS = { "jizhou", "donghu", "jiangbei" };
    private static final String[] ROLES = { "dispatcher", "grid-worker", "resident", "mediator", "social-worker" };

    private KeycloakStub keycloak;
    private KeycloakTokenValidator validator;
    private String[] tokens;

    /** Which of the tokens a thread presents next. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Setup(Level.Trial)
    public void start() throws Exception {
        keycloak = new KeycloakStub();
        RSAKey[] keys = new RSAKey[REALMS.length];
        for (int r = 0; r < REALMS.length; r++) {
            keys[r] = Tokens.signingKey(REALMS[r] + "-1");
            keycloak.publish(REALMS[r], keys[r], Tokens.encryptionKey(REALMS[r] + "-enc"));
        }
        validator = new KeycloakTokenValidator(new Settings(keycloak.url(), Set.of("city", "jizhou", "donghu", "jiangbei"),
                "gongzhi-api", Duration.ofSeconds(300), Duration.ofSeconds(30), Settings.CLOCK_SKEW));
        tokens = new String[64];
        for (int i = 0; i < tokens.length; i++) {
            int r = i % REALMS.length;
            String issuer = keycloak.url() + "/realms/" + REALMS[r];
            tokens[i] = Tokens.sign(Tokens.person(issuer, "user" + i, ROLES[i % ROLES.length], "default-roles-" + REALMS[r])
                    .expirationTime(new java.util.Date(System.currentTimeMillis() + 3_600_000)).build(), keys[r]);
        }
        for (String token : tokens) {
            validator.validate(token); // the keys are now cached
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        StringBuilder fetched = new StringBuilder("JWKS requests per realm during the trial:");
        for (String realm : REALMS) {
            fetched.append(' ').append(realm).append('=').append(keycloak.requests(realm));
        }
        System.out.println(fetched);
        validator.deactivate();
        keycloak.close();
    }

    /** The same token again and again. */
    @Benchmark
    public Caller oneToken() throws InvalidTokenException {
        return validator.validate(tokens[0]);
    }

    /** 64 tokens of different people in three realms, in turn. */
    @Benchmark
    public Caller manyTokens(Cursor cursor) throws InvalidTokenException {
        String token = tokens[cursor.next];
        cursor.next = (cursor.next + 1) & 63;
        return validator.validate(token);
    }
}
