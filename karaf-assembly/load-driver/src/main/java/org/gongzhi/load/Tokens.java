package org.gongzhi.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** One {@link TokenCache} per tenant (its Keycloak realm), sharing one {@link HttpClient}. Thread-safe. */
final class Tokens {

    private final Map<String, TokenCache> byTenant = new LinkedHashMap<>();

    /** {@code credentials}: tenant → account, each tenant a realm of the Keycloak at {@code keycloak}. */
    Tokens(URI keycloak, Map<String, Credentials> credentials, Duration requestTimeout) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        credentials.forEach((tenant, login) -> byTenant.put(tenant,
                new TokenCache(http, keycloak, tenant, login, requestTimeout, System::nanoTime)));
    }

    static Tokens of(Options o) {
        return new Tokens(o.keycloak(), o.credentials(), o.requestTimeout());
    }

    /** A valid access token for {@code tenant}. */
    String token(String tenant) throws InterruptedException, TokenException {
        TokenCache cache = byTenant.get(tenant);
        if (cache == null) {
            throw new TokenException("no account for tenant " + tenant);
        }
        return cache.token();
    }

    /** Logs every account in before the run, so that a refusal stops it before any load; the first refusal throws. */
    void fetchAll() throws InterruptedException, TokenException {
        for (TokenCache cache : byTenant.values()) {
            cache.token();
        }
    }

    /** {@code jizhou as jz-admin, donghu as dh-admin}. */
    String describe() {
        return byTenant.entrySet().stream().map(e -> e.getKey() + " as " + e.getValue().username())
                .collect(Collectors.joining(", "));
    }
}
