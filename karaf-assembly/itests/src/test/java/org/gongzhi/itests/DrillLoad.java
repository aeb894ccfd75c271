package org.gongzhi.itests;

import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.gongzhi.simulator.DepartmentSimulator;
import org.ops4j.pax.exam.Option;

/**
 * The load of the fault drills: clients that report Jizhou cases (and, if asked, register and dispatch
 * them to CG) in a loop until stopped, as a hotline seat would. A call that gets no answer, or 502, 503
 * or 504, is repeated after 250 ms up to ten times, intake with the same {@code Idempotency-Key}; a
 * repeated step answered 409 counts as done. Counts what the drill checks afterwards.
 */
final class DrillLoad implements AutoCloseable {

    /** Cases whose intake was answered 201 (or the same key's replay). */
    final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    /** Cases whose dispatch was answered. */
    final Set<String> dispatched = ConcurrentHashMap.newKeySet();
    final AtomicLong failedCalls = new AtomicLong();
    final AtomicLong answered = new AtomicLong();
    /** Calls answered with something other than a success, 409 or a balancer error: what a user would see fail. */
    final AtomicLong refused = new AtomicLong();
    /** The refused calls by status and problem type. */
    final Map<String, AtomicLong> refusals = new ConcurrentHashMap<>();
    private final Api api;
    private final boolean dispatch;
    private final ExecutorService clients;
    private volatile boolean running = true;

    private DrillLoad(Api api, int clients, boolean dispatch) {
        this.api = api;
        this.dispatch = dispatch;
        this.clients = Executors.newFixedThreadPool(clients);
        for (int i = 0; i < clients; i++) {
            this.clients.submit(() -> {
                while (running) {
                    loop();
                }
                return null;
            });
        }
    }

    /**
     * The boot options that make {@code simulator} (a {@link Departments#startMailingProvider()}) every provider a
     * district has for Jizhou: CG's system for the dispatches, the SMS gateway, the SMTP server and Jizhou's group
     * robot (CG has none of its own, so it falls back to the district's). Without them the demo's CG connector and
     * providers point at a port nobody listens on, and every dispatch and notification of the load is retried in
     * the background until it is dead-lettered: work a district does not have.
     */
    static Option[] providersAt(DepartmentSimulator simulator) {
        String connector = "etc/org.gongzhi.connector-jizhou-cg.cfg";
        String mail = "etc/org.gongzhi.notify.mail.cfg";
        return new Option[] {
            editConfigurationFilePut(connector, "tenant", "jizhou"),
            editConfigurationFilePut(connector, "department", "CG"),
            editConfigurationFilePut(connector, "type", "http"),
            editConfigurationFilePut(connector, "url", simulator.baseUrl() + "/dispatches"),
            editConfigurationFilePut("etc/org.gongzhi.sms.cfg", "url", simulator.smsUrl().toString()),
            editConfigurationFilePut(mail, "host", "127.0.0.1"),
            editConfigurationFilePut(mail, "port", Integer.toString(simulator.smtpPort())),
            editConfigurationFilePut(mail, "from", "gongzhi-drill@example.org"),
            editConfigurationFilePut("etc/org.gongzhi.notify.wecom.cfg", "webhooks",
                    "jizhou=" + simulator.wecomUrl("drill-jizhou")),
        };
    }

    /** Starts {@code clients} clients on {@code api} (a dispatcher's, so that they may dispatch). */
    static DrillLoad start(Api api, int clients, boolean dispatch) {
        return new DrillLoad(api, clients, dispatch);
    }

    /** Stops the clients after their current case; waits up to two minutes. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        clients.shutdown();
        clients.awaitTermination(120, TimeUnit.SECONDS);
    }

    private void loop() throws InterruptedException {
        String key = UUID.randomUUID().toString();
        Api.Reply created = repeat(() -> api.post("/api/v1/tenants/jizhou/cases", "{\"title\": \"井盖缺失\","
                + " \"categoryCode\": \"CM0101\", \"channel\": \"hotline\", \"gridCode\": \"360802001001001\"}",
                Map.of("Idempotency-Key", key)));
        if (created == null || created.status() / 100 != 2) {
            return;
        }
        String id = created.text("id");
        acknowledged.add(id);
        if (!dispatch) {
            return;
        }
        String transitions = "/api/v1/tenants/jizhou/cases/" + id + "/transitions";
        Api.Reply registered = repeat(() -> api.post(transitions, Map.of("action", "register")));
        if (registered == null || registered.status() != 200 && registered.status() != 409) {
            return;
        }
        Api.Reply sent = repeat(() -> api.post(transitions, Map.of("action", "dispatch", "leadDepartment", "CG")));
        if (sent != null && (sent.status() == 200 || sent.status() == 409)) {
            dispatched.add(id);
        }
    }

    private interface Call {
        Api.Reply send() throws IOException, InterruptedException;
    }

    /** The first answer that is not a failure of the platform or the balancer; null after ten tries. */
    private Api.Reply repeat(Call call) throws InterruptedException {
        for (int attempt = 0; attempt < 10; attempt++) {
            try {
                Api.Reply r = call.send();
                if (r.status() != 502 && r.status() != 503 && r.status() != 504) {
                    answered.incrementAndGet();
                    if (r.status() / 100 != 2 && r.status() != 409) {
                        refused.incrementAndGet();
                        refusals.computeIfAbsent(r.status() + " " + r.text("type"), k -> new AtomicLong())
                                .incrementAndGet();
                    }
                    return r;
                }
            } catch (IOException noAnswer) {
                // the node or the connection died with the request in flight
            }
            failedCalls.incrementAndGet();
            Thread.sleep(250);
        }
        return null;
    }

    /** How many of the acknowledged cases exist in {@code db}. */
    long existing(Connection db) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("select count(*) from case_record where id = any (?)")) {
            Array array = db.createArrayOf("uuid", acknowledged.stream().map(UUID::fromString).toArray());
            ps.setArray(1, array);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
