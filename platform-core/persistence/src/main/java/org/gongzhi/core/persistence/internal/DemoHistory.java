package org.gongzhi.core.persistence.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.tenant.TenantDefinition;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 演示历史: on the first start of the demo, fills each listed district that has no case yet with
 * an invented past ({@link HistoryPlanner}) taken through the real case service
 * ({@link HistoryWriter}). Off unless configured ({@code ./gongzhi run} turns it on); runs on its
 * own thread after activation, so health and sign-in do not wait for it; a district that already
 * has cases is left alone, so a restart adds nothing.
 */
@Component(configurationPid = "org.gongzhi.demohistory", immediate = true)
@Designate(ocd = DemoHistory.Config.class)
public final class DemoHistory {

    private static final Logger LOG = LoggerFactory.getLogger(DemoHistory.class);
    /** How long to wait for the plugins of the districts' models to be deployed. */
    private static final Duration PLUGIN_WAIT = Duration.ofSeconds(90);
    /** Their other services (triage, guards, listeners) register right after the model. */
    private static final Duration PLUGIN_SETTLE = Duration.ofSeconds(3);

    @ObjectClassDefinition(name = "Gongzhi demo history",
            description = "Invented past of the demo districts, written on their first start")
    public @interface Config {
        @AttributeDefinition(description = "Write the demo history (./gongzhi run turns it on; GONGZHI_DEMO_HISTORY=off)")
        boolean enabled() default false;

        @AttributeDefinition(description = "Districts that get a history, if they have no case yet")
        String tenants() default "jizhou,donghu,jiangbei";

        @AttributeDefinition(description = "At least this many cases per district (each district up to 25 % more, by its seed)")
        int cases() default 1500;

        @AttributeDefinition(description = "Months of history before now")
        int months() default 6;

        @AttributeDefinition(description = "Base of the per-district seeds")
        long seed() default 2026;
    }

    private final Database db;
    private final TenantDirectory tenants;
    private final PluginHooks hooks;
    private final PluginWhiteboard whiteboard;
    private final Config config;
    private final Thread thread;
    private volatile boolean stopping;

    @Activate
    public DemoHistory(@Reference PersistenceRuntime runtime, @Reference TenantDirectory tenants,
                       @Reference PluginHooks hooks, @Reference PluginWhiteboard whiteboard, Config config) {
        this.db = runtime.database();
        this.tenants = tenants;
        this.hooks = hooks;
        this.whiteboard = whiteboard;
        this.config = config;
        if (!config.enabled()) {
            this.thread = null;
            LOG.debug("Demo history is off");
            return;
        }
        this.thread = new Thread(this::run, "gongzhi-demo-history");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            List<TenantDefinition> empty = new ArrayList<>();
            for (String id : districts(config.tenants())) {
                Optional<TenantDefinition> tenant = tenants.find(id);
                if (tenant.isEmpty()) {
                    LOG.info("Demo history: no district {}; skipped", id);
                } else if (hasCases(id)) {
                    LOG.info("Demo history: district {} already has cases; nothing written", id);
                } else {
                    empty.add(tenant.get());
                }
            }
            if (empty.isEmpty()) {
                return;
            }
            awaitPlugins(empty);
            long started = System.nanoTime();
            // one writer per district, side by side: each spends most of its time waiting for the database
            ExecutorService writers = Executors.newFixedThreadPool(empty.size(), r -> {
                Thread t = new Thread(r, "gongzhi-demo-history-writer");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<?>> done = new ArrayList<>();
                for (TenantDefinition t : empty) {
                    done.add(writers.submit(() -> {
                        fill(t);
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    try {
                        f.get();
                    } catch (ExecutionException e) {
                        if (!stopping) {
                            LOG.error("Demo history failed", e.getCause());
                        }
                    }
                }
            } finally {
                writers.shutdownNow();
            }
            if (!stopping) {
                LOG.info("Demo history of {} districts written in {} s", empty.size(),
                        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (!stopping) {
                LOG.error("Demo history failed", e);
            }
        }
    }

    private void fill(TenantDefinition tenant) throws InterruptedException {
        Instant now = Clock.systemUTC().instant();
        List<HistoryPlanner.PlannedCase> plan = new HistoryPlanner(tenant, HistoryPlanner.seedOf(tenant.id(), config.seed()))
                .plan(now, Math.max(1, config.months()), Math.max(1, config.cases()));
        HistoryWriter.Result r;
        try (DistrictFill fill = DistrictFill.hold(db, tenant.id())) { // the supervision sweep waits for the whole past
            r = new HistoryWriter(db, tenants, hooks, () -> stopping).write(tenant, plan);
        }
        LOG.info("Demo history of {}: {} cases, {} steps in {} ms ({} held by a plugin rule, {} failed); now {}",
                tenant.id(), r.cases(), r.steps(), r.took().toMillis(), r.held(), r.failed(), r.statuses());
    }

    private boolean hasCases(String tenantId) {
        return db.inTenant(tenantId, s -> s.createSelectionQuery("select count(*) from CaseEntity", Long.class)
                .getSingleResult()) > 0;
    }

    /** Waits (bounded) until the plugins of the districts' models are deployed, so triage and guards apply. */
    private void awaitPlugins(List<TenantDefinition> districts) throws InterruptedException {
        Set<String> models = new TreeSet<>();
        districts.forEach(t -> models.addAll(tenants.enabledModels(t.id())));
        long deadline = System.nanoTime() + PLUGIN_WAIT.toNanos();
        while (!models.stream().allMatch(m -> whiteboard.find(m).isPresent())) {
            if (System.nanoTime() > deadline || stopping) {
                LOG.warn("Demo history: plugins of {} not all deployed; writing without the missing ones", models);
                return;
            }
            Thread.sleep(250);
        }
        if (!models.isEmpty()) {
            Thread.sleep(PLUGIN_SETTLE.toMillis());
        }
    }

    static List<String> districts(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    }

    @Deactivate
    void stop() throws InterruptedException {
        stopping = true;
        if (thread != null) {
            thread.interrupt();
            thread.join(TimeUnit.SECONDS.toMillis(30));
        }
    }
}
