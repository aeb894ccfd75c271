package org.gongzhi.simulator;

import org.gongzhi.cli.ArgValues;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for a department's own system (公安, 城管, 市场监管 …): accepts the platform's dispatches over HTTP
 * and from a drop folder, answers each dispatch id once, and reports progress back after configurable delays,
 * with simulated failures and outages. It also plays the SMS provider ({@code POST /sms}) and keeps the last
 * messages for tests and the demo to read ({@code GET /sms/messages}). Use it in-process from tests:
 *
 * <pre>{@code
 * try (DepartmentSimulator sim = DepartmentSimulator.builder().port(0).platformUrl(platform)
 *         .acceptAfter(Duration.ofMillis(100)).resolveAfter(Duration.ofMillis(500)).quiet(true).build()) {
 *     int port = sim.start();
 *     ... // the platform delivers to sim.dispatchUrl()
 *     assertThat(sim.stats().duplicates()).isZero();
 * }
 * }</pre>
 */
public final class DepartmentSimulator implements AutoCloseable {

    static {
        // The JDK server writes the headers and the body of an answer separately; without TCP_NODELAY the body
        // waits for the client's delayed ACK (about 40 ms per answer). The property is read once per JVM, when
        // the first JDK server starts; an explicit setting is left alone.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final Settings settings;
    private final Stats stats = new Stats();
    private final Ledger ledger = new Ledger();
    private final EventLog log;
    private final Outage outage;
    private final DispatchPath dispatchPath;
    private final UpdateScheduler updates;
    private final UpdateSink sink;
    private final Intake intake;
    private final SmsInbox sms = new SmsInbox();
    private volatile WecomHandler wecom;
    private volatile MailServer mail;
    private HttpServer server;
    private ExecutorService workers;
    private DropFolder dropFolder;
    private boolean started;

    DepartmentSimulator(Settings settings) {
        this.settings = settings;
        this.log = new EventLog(settings.out(), settings.quiet());
        this.outage = new Outage(settings.downMode());
        this.dispatchPath = new DispatchPath(settings.dispatchPath());
        this.sink = settings.updates() ? sink(settings, log) : null;
        this.updates = sink == null ? null : new UpdateScheduler(sink, settings, stats, log);
        this.intake = new Intake(settings, ledger, stats, log, (d, rec) -> {
            if (updates != null) {
                updates.plan(d, rec);
            }
        });
    }

    public static SimulatorBuilder builder() {
        return new SimulatorBuilder();
    }

    private static UpdateSink sink(Settings s, EventLog log) {
        if (s.updatesDir() != null) {
            return new DirectoryUpdateSink(s.updatesDir());
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(s.requestTimeout()).build();
        TokenSource tokens = new TokenSource(http, s.tokenUrl(), s.clientId(), s.secrets(), s.requestTimeout(),
                System::nanoTime);
        return new HttpUpdateSink(http, s, tokens, log);
    }

    /**
     * Binds the HTTP server and starts the drop folder; returns the bound port (the chosen one for port 0).
     *
     * @throws UncheckedIOException when the port is taken or the drop folder cannot be created
     */
    public synchronized int start() {
        if (started) {
            throw new IllegalStateException("already started");
        }
        started = true;
        try {
            server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 128);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + settings.host() + ":" + settings.port(), e);
        }
        AtomicInteger n = new AtomicInteger();
        workers = Executors.newFixedThreadPool(settings.threads(), r -> {
            Thread t = new Thread(r, "simulator-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(workers);
        AdminHandler admin = new AdminHandler(this);
        DispatchHandler dispatch = new DispatchHandler(settings, dispatchPath, outage, intake, stats, log);
        server.createContext(dispatchPath.context(), dispatch);
        server.createContext("/admin/", admin);
        server.createContext("/sms", new SmsHandler(settings.smsRequiredHeader(), outage, sms, log));
        wecom = new WecomHandler(outage, log);
        server.createContext("/wecom", wecom);
        server.createContext("/health", admin);
        if (settings.smtpPort() >= 0) {
            mail = new MailServer(settings.host(), settings.smtpPort(), log);
            server.createContext("/mail", new MailHandler(mail));
        }
        if (!"/".equals(dispatchPath.context())) {
            server.createContext("/", x -> {
                try (x) {
                    Exchanges.notFound(x);
                }
            });
        }
        if (!settings.downFor().isZero()) {
            outage.down(settings.downFor(), null);
        }
        server.start();
        if (mail != null) {
            try {
                mail.start();
            } catch (RuntimeException e) {
                stop();
                throw new UncheckedIOException("cannot listen for SMTP on " + settings.host() + ":" + settings.smtpPort(),
                        new IOException(e.getMessage(), e));
            }
        }
        if (settings.dropDir() != null) {
            dropFolder = new DropFolder(settings.dropDir(), settings.rescan().toMillis(), outage, intake, stats, log);
            try {
                dropFolder.start();
            } catch (IOException e) {
                stop();
                throw new UncheckedIOException("cannot use drop folder " + settings.dropDir(), e);
            }
        }
        log.event("started", "url", dispatchUrl(), "seed", settings.seed(), "updates", sink == null ? "off"
                : sink.describe(), "dropDir", settings.dropDir(), "down", outage.current() == null ? null
                : outage.current().flag() + " for " + ArgValues.show(settings.downFor()), "smtpPort",
                mail == null ? null : mail.port());
        return port();
    }

    /** Stops everything; updates not yet delivered stay undelivered. Safe to call twice. */
    public synchronized void stop() {
        if (dropFolder != null) {
            dropFolder.stop();
            dropFolder = null;
        }
        if (mail != null) {
            mail.stop();
        }
        if (server != null) {
            server.stop(0);
            workers.shutdownNow();
            server = null;
            log.event("stopped", "pendingUpdates", stats.pendingUpdates());
        }
        if (updates != null) {
            updates.stop();
        }
    }

    @Override
    public void close() {
        stop();
    }

    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("not running");
        }
        return server.getAddress().getPort();
    }

    /** {@code http://host:port}. */
    public URI baseUrl() {
        String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        return URI.create("http://" + host + ":" + port());
    }

    /** The dispatch URL; with placeholders in the path, still with them ({@code {department}}). */
    public String dispatchUrl() {
        return baseUrl() + settings.dispatchPath().text();
    }

    /** The dispatch URL of one tenant's department. */
    public URI dispatchUrl(String tenant, String department) {
        return URI.create(baseUrl() + settings.dispatchPath().expand(tenant, department));
    }

    public StatsSnapshot stats() {
        return stats.snapshot(outage.current() != null);
    }

    /** Every dispatch id seen, in the order of first sight. */
    public List<DispatchRecord> dispatches() {
        return ledger.list();
    }

    /** The URL where it takes text messages as an SMS provider ({@code POST}, JSON {@code to}, {@code text}). */
    public URI smsUrl() {
        return URI.create(baseUrl() + "/sms");
    }

    /** The last text messages accepted to {@code to} ({@code null}: to anyone), newest first, at most 100. */
    public List<SmsMessage> smsMessages(String to) {
        return sms.list(to, 100);
    }

    /** The webhook URL of a simulated WeChat Work group robot with this key ({@code POST}, JSON as the real one). */
    public URI wecomUrl(String key) {
        return URI.create(baseUrl() + "/wecom/send?key=" + key);
    }

    /** The last robot messages accepted for {@code key} ({@code null}: any robot), newest first, at most 100. */
    public List<WecomMessage> wecomMessages(String key) {
        return wecom == null ? List.of() : wecom.list(key, 100);
    }

    /** The port of the SMTP server ({@code --smtp-port}), or -1 when it has none. */
    public int smtpPort() {
        MailServer m = mail;
        return m == null ? -1 : m.port();
    }

    /** The last e-mails accepted to {@code to} ({@code null}: to anyone), newest first, at most 100. */
    public List<MailMessage> mailMessages(String to) {
        MailServer m = mail;
        return m == null ? List.of() : m.list(to, 100);
    }

    /** Goes down until {@link #up()}, with the configured mode. */
    public void down() {
        down(null, null);
    }

    /**
     * Goes down.
     *
     * @param length {@code null} = until {@link #up()}
     * @param mode   {@code null} = the configured {@code --down-mode}
     */
    public void down(Duration length, DownMode mode) {
        outage.down(length, mode);
        log.event("down", "mode", downMode().flag(), "until", outage.until());
    }

    public void up() {
        outage.up();
        log.event("up");
    }

    /** The current down mode, {@code null} while up. */
    public DownMode downMode() {
        return outage.current();
    }

    /** The end of a down with an end, else {@code null}. */
    public Instant downUntil() {
        return outage.until();
    }

    /** The seed of the fail-rate and return-rate decisions (random unless set). */
    public long seed() {
        return settings.seed();
    }

    /** Waits until no update is pending any more; false when {@code timeout} passed first. */
    public boolean awaitUpdates(Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (stats.pendingUpdates() > 0) {
            if (System.nanoTime() - until >= 0) {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        return true;
    }
}
