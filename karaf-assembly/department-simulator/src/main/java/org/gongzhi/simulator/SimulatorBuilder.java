package org.gongzhi.simulator;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Builds a {@link DepartmentSimulator}; one setter per command-line flag, with the same defaults.
 * {@link #build()} checks the combination and throws {@link IllegalArgumentException} naming the flag.
 */
public final class SimulatorBuilder {

    public static final int DEFAULT_PORT = 18400;
    public static final String DEFAULT_DISPATCH_PATH = "/dispatches";
    public static final String DEFAULT_PLATFORM_URL = "http://127.0.0.1:8181";
    public static final String DEFAULT_UPDATE_PATH = "/api/v1/tenants/{tenant}/departments/{department}/updates";
    public static final String DEFAULT_TOKEN_URL = "http://127.0.0.1:18080/realms/{tenant}/protocol/openid-connect/token";
    public static final String DEFAULT_CLIENT_ID = "dept-{department}";

    private String host = "127.0.0.1";
    private int port = DEFAULT_PORT;
    private String dispatchPath = DEFAULT_DISPATCH_PATH;
    private String requiredHeader;
    private Duration latency = Duration.ZERO;
    private double failRate;
    private int failTimes = 1;
    private Long seed;
    private Duration downFor = Duration.ZERO;
    private DownMode downMode = DownMode.UNAVAILABLE;
    private String poisonTitle;
    private Path dropDir;
    private Duration rescan = Duration.ofSeconds(2);
    private Duration acceptAfter = Duration.ofSeconds(2);
    private Duration progressAfter;
    private Duration resolveAfter = Duration.ofSeconds(10);
    private double returnRate;
    private boolean updates = true;
    private String platformUrl = DEFAULT_PLATFORM_URL;
    private String updatePath = DEFAULT_UPDATE_PATH;
    private String tokenUrl = DEFAULT_TOKEN_URL;
    private String clientId = DEFAULT_CLIENT_ID;
    private String clientSecret;
    private Path secretsFile;
    private Path updatesDir;
    private Duration retryInitial = Duration.ofSeconds(1);
    private Duration retryMax = Duration.ofSeconds(60);
    private Duration requestTimeout = Duration.ofSeconds(10);
    private int threads = 16;
    private boolean quiet;
    private PrintStream out = System.out;
    private String smsRequiredHeader;
    private int smtpPort = -1;

    SimulatorBuilder() {
    }

    /** {@code --host}: address to bind, default {@code 127.0.0.1}. */
    public SimulatorBuilder host(String value) {
        this.host = Objects.requireNonNull(value);
        return this;
    }

    /** {@code --port}: default {@value #DEFAULT_PORT}; 0 = a free port, see {@link DepartmentSimulator#start()}. */
    public SimulatorBuilder port(int value) {
        this.port = value;
        return this;
    }

    /** {@code --dispatch-path}: may contain {@code {tenant}} and {@code {department}}. */
    public SimulatorBuilder dispatchPath(String value) {
        this.dispatchPath = value;
        return this;
    }

    /** {@code --require-header}: e.g. {@code "X-Api-Key: k1"}; {@code null} = no check. */
    public SimulatorBuilder requireHeader(String nameColonValue) {
        this.requiredHeader = nameColonValue;
        return this;
    }

    public SimulatorBuilder requireHeader(String name, String value) {
        return requireHeader(name + ": " + value);
    }

    /** {@code --sms-require-header}: e.g. {@code "Authorization: Bearer k"}; {@code null} = the SMS endpoint needs none. */
    public SimulatorBuilder smsRequireHeader(String nameColonValue) {
        this.smsRequiredHeader = nameColonValue;
        return this;
    }

    /** {@code --smtp-port}: also be an SMTP server on this port of {@code --host}; 0 = a free port, -1 (default) = none. */
    public SimulatorBuilder smtpPort(int value) {
        this.smtpPort = value;
        return this;
    }

    /** {@code --latency}: service time added to every dispatch request. */
    public SimulatorBuilder latency(Duration value) {
        this.latency = value;
        return this;
    }

    /** {@code --fail-rate}: fraction of dispatches whose first delivery (see {@link #failTimes}) answers 503. */
    public SimulatorBuilder failRate(double value) {
        this.failRate = value;
        return this;
    }

    /** {@code --fail-times}: how many deliveries of a dispatch picked by the fail rate are refused (default 1). */
    public SimulatorBuilder failTimes(int value) {
        this.failTimes = value;
        return this;
    }

    /** {@code --seed}: makes fail-rate and return-rate decisions reproducible; default random (logged). */
    public SimulatorBuilder seed(long value) {
        this.seed = value;
        return this;
    }

    /** {@code --down-for}: down from the start for this long. */
    public SimulatorBuilder downFor(Duration value) {
        this.downFor = value;
        return this;
    }

    /** {@code --down-mode}: 503 answers (default) or closed connections while down. */
    public SimulatorBuilder downMode(DownMode value) {
        this.downMode = value;
        return this;
    }

    /** {@code --poison-title}: dispatches whose title contains this text are always refused with 422. */
    public SimulatorBuilder poisonTitle(String value) {
        this.poisonTitle = value;
        return this;
    }

    /** {@code --drop-dir}: folder to read dispatch files from. */
    public SimulatorBuilder dropDir(Path value) {
        this.dropDir = value;
        return this;
    }

    /** {@code --rescan}: how often the drop folder is listed besides the file-system events (default 2s). */
    public SimulatorBuilder rescan(Duration value) {
        this.rescan = value;
        return this;
    }

    /** {@code --accept-after}: delay of the {@code accepted} (or {@code returned}) update. */
    public SimulatorBuilder acceptAfter(Duration value) {
        this.acceptAfter = value;
        return this;
    }

    /** {@code --progress-after}: delay of an {@code in-progress} update; {@code null} (default) = none. */
    public SimulatorBuilder progressAfter(Duration value) {
        this.progressAfter = value;
        return this;
    }

    /** {@code --resolve-after}: delay of the {@code resolved} update. */
    public SimulatorBuilder resolveAfter(Duration value) {
        this.resolveAfter = value;
        return this;
    }

    /** {@code --return-rate}: fraction of dispatches answered with {@code returned} instead. */
    public SimulatorBuilder returnRate(double value) {
        this.returnRate = value;
        return this;
    }

    /** {@code --no-updates} is {@code updates(false)}. */
    public SimulatorBuilder updates(boolean value) {
        this.updates = value;
        return this;
    }

    /** {@code --platform-url}: where updates are posted (scheme, host, port, optional base path). */
    public SimulatorBuilder platformUrl(String value) {
        this.platformUrl = value;
        return this;
    }

    /** {@code --update-path}: appended to the platform URL; {@code {tenant}}, {@code {department}}. */
    public SimulatorBuilder updatePath(String value) {
        this.updatePath = value;
        return this;
    }

    /** {@code --token-url}: Keycloak's token endpoint; {@code {tenant}} and {@code {department}}. */
    public SimulatorBuilder tokenUrl(String value) {
        this.tokenUrl = value;
        return this;
    }

    /** {@code --client-id}: template, codes substituted lower-case (default {@code dept-{department}}). */
    public SimulatorBuilder clientId(String value) {
        this.clientId = value;
        return this;
    }

    /** {@code --client-secret}: secret of every department system (template, codes lower-case). */
    public SimulatorBuilder clientSecret(String value) {
        this.clientSecret = value;
        return this;
    }

    /** {@code --secrets-file}: properties {@code tenant.department=secret}. */
    public SimulatorBuilder secretsFile(Path value) {
        this.secretsFile = value;
        return this;
    }

    /** {@code --updates-dir}: write updates as JSON files here instead of posting them. */
    public SimulatorBuilder updatesDir(Path value) {
        this.updatesDir = value;
        return this;
    }

    /** {@code --retry-initial}: first back-off of a failed update (default 1s), doubled per attempt. */
    public SimulatorBuilder retryInitial(Duration value) {
        this.retryInitial = value;
        return this;
    }

    /** {@code --retry-max}: longest back-off (default 60s). */
    public SimulatorBuilder retryMax(Duration value) {
        this.retryMax = value;
        return this;
    }

    /** {@code --request-timeout}: per update and token request (default 10s). */
    public SimulatorBuilder requestTimeout(Duration value) {
        this.requestTimeout = value;
        return this;
    }

    /** {@code --threads}: threads answering dispatches, and as many sending updates (default 16). */
    public SimulatorBuilder threads(int value) {
        this.threads = value;
        return this;
    }

    /** {@code --quiet}: no event lines. */
    public SimulatorBuilder quiet(boolean value) {
        this.quiet = value;
        return this;
    }

    /** Where event lines go (default {@code System.out}). */
    public SimulatorBuilder log(PrintStream value) {
        this.out = Objects.requireNonNull(value);
        return this;
    }

    public DepartmentSimulator build() {
        return new DepartmentSimulator(settings());
    }

    Settings settings() {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535: " + port);
        }
        Template dispatch = Template.of("--dispatch-path", dispatchPath, Template.NAMES);
        if (!dispatchPath.startsWith("/") || dispatchPath.startsWith("/admin") || dispatchPath.startsWith("/health")
                || dispatchPath.startsWith("/sms") || dispatchPath.startsWith("/wecom") || dispatchPath.startsWith("/mail")) {
            throw new IllegalArgumentException("--dispatch-path must start with / and not with /admin, /health, /sms, /wecom "
                    + "or /mail: " + dispatchPath);
        }
        nonNegative("--latency", latency);
        nonNegative("--down-for", downFor);
        nonNegative("--accept-after", acceptAfter);
        nonNegative("--resolve-after", resolveAfter);
        fraction("--fail-rate", failRate);
        fraction("--return-rate", returnRate);
        if (failTimes < 1 || failTimes > 1000) {
            throw new IllegalArgumentException("--fail-times must be between 1 and 1000: " + failTimes);
        }
        if (progressAfter != null && (progressAfter.compareTo(acceptAfter) < 0 || progressAfter.compareTo(resolveAfter) > 0)) {
            throw new IllegalArgumentException("--progress-after must lie between --accept-after and --resolve-after");
        }
        if (resolveAfter.compareTo(acceptAfter) < 0) {
            throw new IllegalArgumentException("--resolve-after must not be shorter than --accept-after");
        }
        positive("--rescan", rescan);
        positive("--retry-initial", retryInitial);
        positive("--request-timeout", requestTimeout);
        if (retryMax.compareTo(retryInitial) < 0) {
            throw new IllegalArgumentException("--retry-max must not be shorter than --retry-initial");
        }
        if (smtpPort < -1 || smtpPort > 65_535) {
            throw new IllegalArgumentException("--smtp-port must be between 0 and 65535: " + smtpPort);
        }
        if (threads < 1 || threads > 256) {
            throw new IllegalArgumentException("--threads must be between 1 and 256: " + threads);
        }
        if (poisonTitle != null && poisonTitle.isEmpty()) {
            throw new IllegalArgumentException("--poison-title is empty");
        }
        URI platform = platformUri();
        Template update = Template.of("--update-path", updatePath, Template.NAMES);
        if (!updatePath.startsWith("/")) {
            throw new IllegalArgumentException("--update-path must start with /: " + updatePath);
        }
        Template token = Template.of("--token-url", tokenUrl, Template.NAMES);
        Template client = Template.of("--client-id", clientId, Template.NAMES);
        ClientSecrets secrets = ClientSecrets.of(secretsFile, clientSecret);
        long theSeed = seed != null ? seed : new SecureRandom().nextLong();
        Settings.RequiredHeader header = requiredHeader == null ? null : Settings.RequiredHeader.parse(requiredHeader);
        return new Settings(host, port, dispatch, header, latency, failRate, failTimes, theSeed, downFor, downMode,
                poisonTitle, dropDir, rescan, acceptAfter, progressAfter, resolveAfter, returnRate, updates, platform,
                update, token, client, secrets, updatesDir, retryInitial, retryMax, requestTimeout, threads, quiet, out,
                smsRequiredHeader == null ? null : Settings.RequiredHeader.parse("--sms-require-header", smsRequiredHeader),
                smtpPort);
    }

    private URI platformUri() {
        URI uri;
        try {
            uri = URI.create(platformUrl.endsWith("/") ? platformUrl.substring(0, platformUrl.length() - 1) : platformUrl);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--platform-url is not a URL: " + platformUrl);
        }
        if (!Set.of("http", "https").contains(String.valueOf(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("--platform-url must be an http(s) URL with a host: " + platformUrl);
        }
        return uri;
    }

    private static void nonNegative(String option, Duration d) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException(option + " must be a duration of 0 or more");
        }
    }

    private static void positive(String option, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(option + " must be longer than 0");
        }
    }

    private static void fraction(String option, double d) {
        if (Double.isNaN(d) || d < 0 || d > 1) {
            throw new IllegalArgumentException(option + " must be between 0.0 and 1.0: " + d);
        }
    }
}
