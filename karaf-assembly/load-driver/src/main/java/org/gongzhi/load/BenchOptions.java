package org.gongzhi.load;

import java.io.IOException;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code --name value} options of the on-demand benchmarks ({@link InboxBench}, {@link UploadBench}):
 * every option has a default, an unknown one or a missing value is an {@link IllegalArgumentException},
 * {@code --help} answers {@code null}, and {@code --base}/{@code --keycloak} must be loopback addresses.
 */
final class BenchOptions {

    private BenchOptions() {
    }

    /**
     * The defaults of a benchmark against the platform of {@code ./gongzhi run} that first tops a
     * district up with generated cases: {@code --base}, {@code --keycloak}, {@code --tenant},
     * {@code --tenants-dir}, the database's {@code --db-*} and {@code --cases}/{@code --days}; add the
     * benchmark's own to the answer (a mutable map in insertion order).
     */
    static Map<String, String> platformDefaults(int cases, int days) {
        return new LinkedHashMap<>(Map.of("--base", "http://127.0.0.1:8181",
                "--keycloak", "http://127.0.0.1:18080", "--tenant", "jizhou", "--tenants-dir", "tenants",
                "--db-url", "jdbc:postgresql://127.0.0.1:15432/gongzhi", "--db-user", "gongzhi",
                "--db-password-file", ".gongzhi/data/postgres-secrets/gongzhi.password", "--cases", String.valueOf(cases),
                "--days", String.valueOf(days)));
    }

    /** The usage lines of {@link #platformDefaults}' options but {@code --cases}/{@code --days}. */
    static final String PLATFORM_USAGE = String.join("\n",
            "  --base URL / --keycloak URL   the platform and its Keycloak (defaults of ./gongzhi run; loopback only)",
            "  --tenant ID                   the district (default jizhou); --tenants-dir DIR its definitions (default tenants)",
            "  --db-url URL --db-user U --db-password-file F   the platform's database (defaults of ./gongzhi run)");

    /** An HTTP/1.1 client for timing calls: 5 s to connect, no redirects followed. */
    static java.net.http.HttpClient http() {
        return java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1)
                .connectTimeout(java.time.Duration.ofSeconds(5))
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
    }

    /** The options with their defaults overridden by {@code args}, or {@code null} for {@code --help}. */
    static Map<String, String> parse(String[] args, Map<String, String> defaults) {
        Map<String, String> o = new LinkedHashMap<>(defaults);
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--help")) {
                return null;
            }
            if (!o.containsKey(args[i]) || i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown option or missing value: " + args[i]);
            }
            o.put(args[i], args[++i]);
        }
        LoopbackGuard.check("--base", o.get("--base"), false);
        LoopbackGuard.check("--keycloak", o.get("--keycloak"), false);
        return o;
    }

    /** A benchmark's work with its parsed options; answers the exit code. */
    interface Bench {
        int run(Map<String, String> options) throws IOException, SQLException, TokenException, InterruptedException;
    }

    /**
     * Parses {@code args} over {@code defaults} and runs {@code bench}: {@code --help} prints {@code usage} (0);
     * a bad option or a setup failure ({@code name}: message on stderr) answers 2, an interruption 1.
     */
    static int run(String name, String usage, String[] args, Map<String, String> defaults, Bench bench) {
        try {
            Map<String, String> parsed = parse(args, defaults);
            if (parsed == null) {
                System.out.println(usage);
                return 0;
            }
            return bench.run(parsed);
        } catch (IllegalArgumentException e) {
            System.err.println(name + ": " + e.getMessage() + "\n" + usage);
            return 2;
        } catch (SQLException | IOException | TokenException e) {
            System.err.println(name + ": " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
