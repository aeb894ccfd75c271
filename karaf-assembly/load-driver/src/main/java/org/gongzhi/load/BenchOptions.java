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
