package org.gongzhi.simulator;

import org.gongzhi.cli.ArgValues;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/** The command line as a {@link SimulatorBuilder}; errors are {@link IllegalArgumentException}s for the user. */
final class Options {

    static final String USAGE = String.join("\n",
            "usage: java -jar gongzhi-department-simulator.jar [options]",
            "inbound (platform -> department):",
            "  --host ADDR              address to bind (default 127.0.0.1)",
            "  --port N                 port (default " + SimulatorBuilder.DEFAULT_PORT + "; 0 = any free port)",
            "  --dispatch-path PATH     where dispatches are POSTed (default /dispatches; may contain {tenant} and",
            "                           {department}, e.g. /departments/{department}/dispatches)",
            "  --require-header 'N: V'  every dispatch must carry this header, else 401",
            "                           (e.g. 'Authorization: Bearer secret' or 'X-Api-Key: k1')",
            "  --latency D              service time added to every dispatch request (default 0)",
            "  --fail-rate F            fraction 0..1 of dispatches whose first delivery answers 503 (default 0)",
            "  --fail-times N           deliveries refused for each such dispatch (default 1)",
            "  --seed N                 seed of the fail-rate and return-rate decisions (default random, logged)",
            "  --down-for D             down for this long after the start (default 0)",
            "  --down-mode 503|refuse   while down: answer 503, or close the connection (default 503)",
            "  --poison-title TEXT      dispatches whose title contains TEXT always get 422",
            "  --drop-dir DIR           also read *.json / *.xml dispatch files from DIR",
            "  --rescan D               list the drop folder at least this often (default 2s)",
            "SMS provider (POST /sms, GET /sms/messages?to=PHONE):",
            "  --sms-require-header 'N: V'  every message must carry this header, else 401",
            "SMTP server (any recipient, no authentication; GET /mail/messages?to=ADDRESS):",
            "  --smtp-port N            also accept e-mail on this port of --host (default none; 0 = any free port)",
            "outbound (department -> platform):",
            "  --accept-after D         'accepted' after D (default 2s)",
            "  --progress-after D       'in-progress' after D (default none)",
            "  --resolve-after D        'resolved' after D (default 10s)",
            "  --return-rate F          fraction 0..1 answered 'returned' (not ours) instead (default 0)",
            "  --no-updates             send no updates at all",
            "  --platform-url URL       (default " + SimulatorBuilder.DEFAULT_PLATFORM_URL + ")",
            "  --update-path T          (default " + SimulatorBuilder.DEFAULT_UPDATE_PATH + ")",
            "  --token-url T            Keycloak token endpoint (default",
            "                           " + SimulatorBuilder.DEFAULT_TOKEN_URL + ")",
            "  --client-id T            client id, codes lower-case (default " + SimulatorBuilder.DEFAULT_CLIENT_ID + ")",
            "  --client-secret S        secret of every department client; may use {tenant}, {department}",
            "  --secrets-file FILE      properties tenant.department=secret (takes precedence)",
            "                           without either, updates are posted without a token",
            "  --updates-dir DIR        write updates as JSON files into DIR instead of posting them",
            "  --retry-initial D        first retry back-off (default 1s), doubled up to --retry-max",
            "  --retry-max D            (default 60s)",
            "  --request-timeout D      per update or token request (default 10s)",
            "general:",
            "  --threads N              threads answering dispatches, and threads sending updates (default 16 each)",
            "  --quiet                  no event lines",
            "  --help",
            "durations: 250ms, 2s, 1.5m, 1h (a bare number is seconds)");

    /** Thrown for {@code --help}. */
    static final class HelpRequested extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HelpRequested() {
            super("help", null, false, false);
        }
    }

    private Options() {
    }

    static SimulatorBuilder parse(String[] args) {
        SimulatorBuilder b = DepartmentSimulator.builder();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            String value = null;
            int eq = option.indexOf('=');
            if (option.startsWith("--") && eq > 0) {
                value = option.substring(eq + 1);
                option = option.substring(0, eq);
            }
            if (!seen.add(option)) {
                throw new IllegalArgumentException(option + " given twice");
            }
            switch (option) {
                case "--help", "-h" -> throw new HelpRequested();
                case "--no-updates" -> b.updates(false);
                case "--quiet" -> b.quiet(true);
                default -> {
                    if (!WITH_VALUE.contains(option)) {
                        throw new IllegalArgumentException("unknown option: " + args[i]);
                    }
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException(option + " needs a value");
                        }
                        value = args[++i];
                    }
                    set(b, option, value);
                }
            }
        }
        return b;
    }

    private static final Set<String> WITH_VALUE = Set.of("--host", "--port", "--dispatch-path", "--require-header",
            "--latency", "--fail-rate", "--fail-times", "--seed", "--down-for", "--down-mode", "--poison-title",
            "--drop-dir", "--rescan", "--accept-after", "--progress-after", "--resolve-after", "--return-rate",
            "--platform-url", "--update-path", "--token-url", "--client-id", "--client-secret", "--secrets-file",
            "--updates-dir", "--retry-initial", "--retry-max", "--request-timeout", "--threads", "--sms-require-header",
            "--smtp-port");

    private static void set(SimulatorBuilder b, String option, String v) {
        switch (option) {
            case "--host" -> b.host(v);
            case "--port" -> b.port((int) ArgValues.integer(option, v, 0, 65_535));
            case "--dispatch-path" -> b.dispatchPath(v);
            case "--require-header" -> b.requireHeader(v);
            case "--latency" -> b.latency(ArgValues.duration(option, v));
            case "--fail-rate" -> b.failRate(ArgValues.fraction(option, v));
            case "--fail-times" -> b.failTimes((int) ArgValues.integer(option, v, 1, 1000));
            case "--seed" -> b.seed(ArgValues.integer(option, v, Long.MIN_VALUE, Long.MAX_VALUE));
            case "--down-for" -> b.downFor(ArgValues.duration(option, v));
            case "--down-mode" -> b.downMode(DownMode.parse(v));
            case "--poison-title" -> b.poisonTitle(v);
            case "--drop-dir" -> b.dropDir(Path.of(v));
            case "--rescan" -> b.rescan(ArgValues.duration(option, v));
            case "--accept-after" -> b.acceptAfter(ArgValues.duration(option, v));
            case "--progress-after" -> b.progressAfter(ArgValues.duration(option, v));
            case "--resolve-after" -> b.resolveAfter(ArgValues.duration(option, v));
            case "--return-rate" -> b.returnRate(ArgValues.fraction(option, v));
            case "--platform-url" -> b.platformUrl(v);
            case "--update-path" -> b.updatePath(v);
            case "--token-url" -> b.tokenUrl(v);
            case "--client-id" -> b.clientId(v);
            case "--client-secret" -> b.clientSecret(v);
            case "--secrets-file" -> b.secretsFile(Path.of(v));
            case "--updates-dir" -> b.updatesDir(Path.of(v));
            case "--retry-initial" -> b.retryInitial(ArgValues.duration(option, v));
            case "--retry-max" -> b.retryMax(ArgValues.duration(option, v));
            case "--request-timeout" -> b.requestTimeout(ArgValues.duration(option, v));
            case "--threads" -> b.threads((int) ArgValues.integer(option, v, 1, 256));
            case "--sms-require-header" -> b.smsRequireHeader(v);
            case "--smtp-port" -> b.smtpPort((int) ArgValues.integer(option, v, 0, 65_535));
            default -> throw new IllegalArgumentException("unknown option: " + option);
        }
    }
}
