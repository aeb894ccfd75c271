package org.gongzhi.core.open311.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Open311 clients allowed to write (POST requests and updates), from Config Admin PID
 * {@code org.gongzhi.open311}, property {@code apiKeys}: entries {@code district:key:client name},
 * separated by commas (or given as a list). A key is valid for its district only. Keys are never
 * logged; an invalid entry is skipped with a warning naming its position and district. Without a
 * configuration no key is valid, so every write is refused. Thread-safe.
 */
@Component(service = ApiKeys.class, configurationPid = ApiKeys.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = ApiKeys.Config.class)
public final class ApiKeys {

    static final String PID = "org.gongzhi.open311";
    /** Keys are 16–128 URL-safe characters, so they survive form encoding unchanged. */
    static final Pattern KEY = Pattern.compile("[A-Za-z0-9._~-]{16,128}");
    private static final Pattern DISTRICT = Pattern.compile("[a-z][a-z0-9-]{1,31}");

    private static final Logger LOG = LoggerFactory.getLogger(ApiKeys.class);

    /**
     * The shipped demo keys ({@code <district>-open311-demo-key-<year>}): public in the source
     * repository, so an endpoint that accepts them is a test endpoint.
     */
    static final Pattern DEMO_KEY = Pattern.compile("[a-z][a-z0-9-]*-open311-demo-key-\\d{4}");

    @ObjectClassDefinition(name = "Gongzhi Open311",
            description = "Open311 GeoReport v2 endpoint: API keys of the clients allowed to post requests and "
                    + "updates, and the reverse proxies trusted to report the public URL")
    public @interface Config {
        @AttributeDefinition(description = "Entries district:key:client name, comma-separated; the key is "
                + "16-128 characters of A-Z a-z 0-9 . _ ~ -, the client name is journaled as open311:<name>")
        String[] apiKeys() default {};

        @AttributeDefinition(description = "IP addresses of the reverse proxies whose X-Forwarded-Proto and "
                + "X-Forwarded-Host headers give the endpoint URL in service discovery, comma-separated; "
                + "empty: the headers are ignored")
        String[] trustedProxies() default {};
    }

    /** One client: its district, key and name. */
    record Client(String district, String key, String name) {
        @Override
        public String toString() {
            return "Client[" + district + ", " + name + "]"; // never the key
        }
    }

    private volatile List<Client> clients;

    @Activate
    public ApiKeys(Config config) {
        this.clients = parse(config.apiKeys());
    }

    ApiKeys(List<Client> clients) {
        this.clients = List.copyOf(clients);
    }

    @Modified
    void modified(Config config) {
        clients = parse(config.apiKeys());
    }

    /** The client owning {@code key} in {@code district}; empty for an unknown key or another district's. */
    Optional<Client> client(String district, String key) {
        if (key == null || key.isEmpty()) {
            return Optional.empty();
        }
        byte[] given = key.getBytes(StandardCharsets.UTF_8);
        Client found = null;
        for (Client c : clients) {
            // compare every key in constant time; no early exit reveals which prefix matched
            if (MessageDigest.isEqual(c.key().getBytes(StandardCharsets.UTF_8), given) && c.district().equals(district)) {
                found = c;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Whether any of the keys is a shipped demo key (then discovery calls the endpoint a test endpoint). */
    boolean demo() {
        return clients.stream().anyMatch(c -> DEMO_KEY.matcher(c.key()).matches());
    }

    /** Number of valid entries (for the log and tests). */
    int size() {
        return clients.size();
    }

    static List<Client> parse(String[] values) {
        List<Client> out = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        int position = 0;
        for (String value : values == null ? new String[0] : values) {
            for (String entry : value.split(",")) {
                if (entry.isBlank()) {
                    continue;
                }
                position++;
                String[] parts = entry.trim().split(":", 3);
                String district = parts[0].trim();
                if (parts.length < 3 || !DISTRICT.matcher(district).matches()) {
                    LOG.warn("Open311 apiKeys entry {} skipped: not district:key:client name", position);
                } else if (!KEY.matcher(parts[1].trim()).matches()) {
                    LOG.warn("Open311 apiKeys entry {} ({}) skipped: the key must be 16-128 characters of "
                            + "A-Z a-z 0-9 . _ ~ -", position, district);
                } else if (parts[2].isBlank()) {
                    LOG.warn("Open311 apiKeys entry {} ({}) skipped: no client name", position, district);
                } else if (!keys.add(parts[1].trim())) {
                    LOG.warn("Open311 apiKeys entry {} ({}) skipped: the key is already used by another entry",
                            position, district);
                } else {
                    out.add(new Client(district, parts[1].trim(), parts[2].trim()));
                }
            }
        }
        LOG.info("Open311: {} API key(s) for districts {}", out.size(),
                out.stream().map(Client::district).distinct().sorted().toList());
        List<String> demo = out.stream().filter(c -> DEMO_KEY.matcher(c.key()).matches()).map(Client::district)
                .distinct().sorted().toList();
        if (!demo.isEmpty()) {
            LOG.info("Open311: the public demo API keys of {} are configured, so discovery announces a test endpoint; "
                    + "replace them in etc/{}.cfg before real use", demo, PID);
        }
        return List.copyOf(out);
    }
}
