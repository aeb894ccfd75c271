package org.gongzhi.load;

import org.gongzhi.cli.ArgValues;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The access token of one account in one realm (district), from Keycloak's password grant on the public client
 * {@value #CLIENT_ID}. Thread-safe. {@link #token()} answers from the cache while the token is fresh; once less than
 * {@link #RENEW_BEFORE} of its {@code expires_in} remain, one renewal is started in the background and every caller
 * keeps the still-valid token meanwhile, so no worker waits for Keycloak. Only with no valid token at all (the
 * first call, or renewals failing until it expired) do callers wait, all for the same request. After a failed
 * renewal the next attempt waits {@link #RETRY_AFTER}; callers without a valid token get that failure at once.
 * Times are measured from when the grant was sent, on the {@code clock} ({@link System#nanoTime()} but in tests).
 */
final class TokenCache {

    static final String CLIENT_ID = "gongzhi-web";
    static final Duration RENEW_BEFORE = Duration.ofSeconds(60);
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    private static final int MESSAGE_CHARS = 300;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An access token and, on the clock, when it expires and from when it is renewed. */
    private record Token(String value, long expiresAtNanos, long renewAtNanos) {
    }

    /** The last failed grant and the clock time before which no new one is tried. */
    private record Failure(TokenException error, long retryAtNanos) {
    }

    private final HttpClient http;
    private final URI tokenUri;
    private final String realm;
    private final Credentials credentials;
    private final Duration timeout;
    private final LongSupplier clock;
    /** The grant request in flight, if any: at most one at a time. */
    private final AtomicReference<CompletableFuture<Token>> inFlight = new AtomicReference<>();
    private volatile Token current;
    private volatile Failure failure;

    TokenCache(HttpClient http, URI keycloak, String realm, Credentials credentials, Duration timeout,
               LongSupplier clock) {
        this.http = http;
        this.tokenUri = tokenUri(keycloak, realm);
        this.realm = realm;
        this.credentials = credentials;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** {@code <keycloak>/realms/<realm>/protocol/openid-connect/token}; the realm is a checked tenant id. */
    static URI tokenUri(URI keycloak, String realm) {
        return URI.create(keycloak.toString().replaceAll("/+$", "") + "/realms/" + TenantProfile.checkId(realm)
                + "/protocol/openid-connect/token");
    }

    /** A valid access token; waits for Keycloak only when there is none. */
    String token() throws InterruptedException, TokenException {
        Token t = current;
        long now = clock.getAsLong();
        if (t != null && now - t.renewAtNanos() < 0) {
            return t.value();
        }
        boolean valid = t != null && now - t.expiresAtNanos() < 0;
        CompletableFuture<Token> renewal = renewal(t, now);
        return valid ? t.value() : await(renewal).value();
    }

    String username() {
        return credentials.username();
    }

    /**
     * The grant in flight, or a new one started when none is; while backing off after a failure, that failure.
     * {@code seen} is the token the caller found: if another thread replaced it meanwhile, that one is answered.
     */
    private CompletableFuture<Token> renewal(Token seen, long now) {
        while (true) {
            CompletableFuture<Token> pending = inFlight.get();
            if (pending != null) {
                return pending;
            }
            Failure f = failure;
            if (f != null && now - f.retryAtNanos() < 0) {
                return CompletableFuture.failedFuture(f.error());
            }
            CompletableFuture<Token> mine = new CompletableFuture<>();
            if (!inFlight.compareAndSet(null, mine)) {
                continue;
            }
            // a finished grant sets current before it clears inFlight: a replacement is visible here
            Token latest = current;
            if (latest != seen && latest != null && clock.getAsLong() - latest.renewAtNanos() < 0) {
                inFlight.set(null);
                mine.complete(latest);
            } else {
                send(mine);
            }
            return mine;
        }
    }

    /** Sends the password grant; its outcome completes {@code result}, after current/failure and inFlight are set. */
    private void send(CompletableFuture<Token> result) {
        long sent = clock.getAsLong();
        CompletableFuture<HttpResponse<String>> call;
        try {
            call = http.sendAsync(grantRequest(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            call = CompletableFuture.failedFuture(e);
        }
        call.whenComplete((response, error) -> {
            Token token = null;
            TokenException refused = null;
            try {
                token = read(response, error, sent);
                current = token;
                failure = null;
            } catch (TokenException e) {
                refused = e;
            } catch (RuntimeException e) {
                refused = new TokenException(what() + ": unreadable answer from Keycloak: " + e);
            }
            if (refused != null) {
                failure = new Failure(refused, clock.getAsLong() + RETRY_AFTER.toNanos());
            }
            inFlight.set(null);
            if (token != null) {
                result.complete(token);
            } else {
                result.completeExceptionally(refused);
            }
        });
    }

    private HttpRequest grantRequest() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", CLIENT_ID);
        form.put("username", credentials.username());
        form.put("password", credentials.password());
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(tokenUri)
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
    }

    /** The token of a 200 answer, valid for {@code expires_in} from {@code sentNanos}; anything else is refused. */
    private Token read(HttpResponse<String> response, Throwable error, long sentNanos) throws TokenException {
        if (error != null) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            String why = cause instanceof HttpTimeoutException ? "no answer within " + ArgValues.show(timeout)
                    : cause instanceof ConnectException ? "cannot connect (is Keycloak running?)"
                    : cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
            throw new TokenException(what() + ": " + why + " (" + tokenUri + ")");
        }
        JsonNode json = parse(response.body());
        if (response.statusCode() != 200) {
            throw new TokenException(what() + ": Keycloak refused: HTTP " + response.statusCode() + " "
                    + refusal(json, response.body()) + " (" + tokenUri + ")");
        }
        JsonNode token = json == null ? null : json.get("access_token");
        JsonNode expires = json == null ? null : json.get("expires_in");
        if (token == null || !token.isTextual() || !token.asText().matches("[\\x21-\\x7e]+")) {
            throw new TokenException(what() + ": Keycloak answered 200 without a usable access_token ("
                    + tokenUri + ")");
        }
        if (expires == null || !expires.canConvertToLong() || expires.asLong() <= 0) {
            throw new TokenException(what() + ": Keycloak answered 200 without a positive expires_in ("
                    + tokenUri + ")");
        }
        long lifetime = TimeUnit.SECONDS.toNanos(expires.asLong());
        long margin = Math.min(RENEW_BEFORE.toNanos(), lifetime / 2); // short-lived tokens: renew at half-life
        return new Token(token.asText(), sentNanos + lifetime, sentNanos + lifetime - margin);
    }

    /** {@code error: error_description} of an OAuth error answer, or the start of whatever else it was. */
    private static String refusal(JsonNode json, String body) {
        if (json != null && json.hasNonNull("error")) {
            String error = json.get("error").asText();
            return json.hasNonNull("error_description") ? error + ": " + json.get("error_description").asText() : error;
        }
        String text = body == null ? "" : body.replaceAll("\\s+", " ").trim();
        if (text.isEmpty()) {
            return "(empty answer)";
        }
        return text.length() > MESSAGE_CHARS ? text.substring(0, MESSAGE_CHARS) + "…" : text;
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = JSON.readTree(body == null ? "" : body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private String what() {
        return "no token for user " + credentials.username() + " in realm " + realm;
    }

    /** Waits for a grant; its failure is rethrown as the {@link TokenException} it was. */
    private Token await(CompletableFuture<Token> grant) throws InterruptedException, TokenException {
        try {
            return grant.get(timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TokenException t) {
                throw t;
            }
            throw new TokenException(what() + ": " + e.getCause());
        } catch (TimeoutException e) {
            throw new TokenException(what() + ": no answer within " + ArgValues.show(timeout) + " (" + tokenUri + ")");
        }
    }
}
