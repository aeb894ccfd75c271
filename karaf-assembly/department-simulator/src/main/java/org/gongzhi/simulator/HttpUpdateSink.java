package org.gongzhi.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/**
 * Posts updates to {@code --platform-url} + {@code --update-path}, or to the dispatch's {@code callbackUrl}
 * when that lies on the same origin as the platform URL (so the token never goes anywhere else), with
 * {@code Authorization: Bearer <token>} when client secrets are configured.
 */
final class HttpUpdateSink implements UpdateSink {

    private final HttpClient http;
    private final Settings settings;
    private final TokenSource tokens;
    private final EventLog log;

    HttpUpdateSink(HttpClient http, Settings settings, TokenSource tokens, EventLog log) {
        this.http = http;
        this.settings = settings;
        this.tokens = tokens;
        this.log = log;
    }

    @Override
    public Delivery deliver(Update u, String callbackUrl) {
        URI target = target(u, callbackUrl);
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(settings.requestTimeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Accept", "application/json")
                .header("Idempotency-Key", u.updateId())
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.bytes(u)));
        if (settings.secrets().configured()) {
            try {
                request.header("Authorization", "Bearer " + tokens.token(u.tenant(), u.department()));
            } catch (TokenSource.TokenException e) {
                return e.retryable() ? Delivery.retry(e.getMessage(), null) : Delivery.refused(e.getMessage());
            }
        }
        HttpResponse<String> r;
        try {
            r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return Delivery.retry("no answer from " + target + ": " + e, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Delivery.retry("interrupted", null);
        }
        int status = r.statusCode();
        String detail = "HTTP " + status + " from " + target + (status >= 300 ? ": " + abbreviate(r.body()) : "");
        if (status >= 200 && status < 300) {
            return Delivery.delivered(detail);
        }
        if (status == 401) {
            tokens.invalidate(u.tenant(), u.department());
            return new Delivery(Delivery.Outcome.UNAUTHORIZED, detail, null);
        }
        if (status == 408 || status == 429 || status >= 500 || status < 200) {
            return Delivery.retry(detail, retryAfter(r));
        }
        return Delivery.refused(detail);
    }

    private URI target(Update u, String callbackUrl) {
        URI platform = settings.platformUrl();
        if (callbackUrl != null) {
            try {
                URI cb = URI.create(callbackUrl);
                if (sameOrigin(platform, cb)) {
                    return cb;
                }
            } catch (IllegalArgumentException e) {
                // not a URL: fall through
            }
            log.event("callback-ignored", "dispatchId", u.dispatchId(), "callbackUrl", callbackUrl,
                    "reason", "not on the origin of --platform-url " + platform);
        }
        return URI.create(platform + settings.updatePath().expand(u.tenant(), u.department()));
    }

    private static boolean sameOrigin(URI a, URI b) {
        return Objects.equals(a.getScheme(), b.getScheme()) && Objects.equals(a.getHost(), b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI u) {
        return u.getPort() >= 0 ? u.getPort() : "https".equals(u.getScheme()) ? 443 : 80;
    }

    private static Duration retryAfter(HttpResponse<?> r) {
        return r.headers().firstValue("Retry-After").map(v -> {
            try {
                return Duration.ofSeconds(Math.max(0, Long.parseLong(v.trim())));
            } catch (NumberFormatException e) {
                return null; // an HTTP date: use the own back-off
            }
        }).orElse(null);
    }

    private static String abbreviate(String s) {
        String one = s == null ? "" : s.replaceAll("\\s+", " ");
        return one.length() > 300 ? one.substring(0, 300) + "…" : one;
    }

    @Override
    public String describe() {
        return settings.platformUrl() + settings.updatePath().text()
                + (settings.secrets().configured() ? " (bearer tokens from " + settings.tokenUrl() + ", client "
                + settings.clientId() + ")" : " (no token: no --client-secret or --secrets-file)");
    }
}
