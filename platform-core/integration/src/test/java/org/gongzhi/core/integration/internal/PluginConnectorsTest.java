package org.gongzhi.core.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.builder.RouteBuilder;
import org.gongzhi.core.service.ConflictException;
import org.gongzhi.core.service.dispatch.DepartmentUpdate;
import org.gongzhi.core.service.dispatch.DepartmentUpdates;
import org.gongzhi.core.service.dispatch.DispatchState;
import org.gongzhi.core.service.dispatch.OutboundDispatch;
import org.gongzhi.core.service.dispatch.UpdateOutcome;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.tenant.ConnectorDefinition;
import org.gongzhi.core.testing.FakeTenantDirectory;
import org.gongzhi.plugin.api.PluginTenants;
import org.gongzhi.plugin.api.connector.AwaitingDispatch;
import org.gongzhi.plugin.api.connector.ConnectorSettings;
import org.gongzhi.plugin.api.connector.DepartmentConnector;
import org.gongzhi.plugin.api.connector.DepartmentProgress;
import org.gongzhi.plugin.api.connector.DepartmentUnavailableException;
import org.gongzhi.plugin.api.connector.Dispatch;
import org.gongzhi.plugin.api.connector.DispatchRefusedException;
import org.gongzhi.plugin.api.connector.ProgressOutcome;
import org.gongzhi.plugin.api.connector.ProgressRefusedException;
import org.gongzhi.plugin.api.connector.ProgressUpdate;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Plugins' connector types (the Camel-free SPI) and plugins' routes in a real Camel context with the
 * real delivery route: delivered, refused, unavailable, only in districts that enabled the model,
 * gone with the service; polled progress reaches the core; routes without a model are not taken.
 */
public class PluginConnectorsTest {

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    private final MemoryOutbox outbox = new MemoryOutbox();
    private final Map<String, Set<String>> enabled = new ConcurrentHashMap<>(Map.of("jizhou", Set.of("mailbox-model")));
    private final List<DepartmentUpdate> applied = new CopyOnWriteArrayList<>();
    private CamelRuntime runtime;
    private DispatchDelivery delivery;
    private PluginConnectors plugins;
    private final MailboxConnector mailbox = new MailboxConnector();

    /** A real connector of the SPI: "posts" to an in-memory mailbox system that refuses and fails on cue. */
    static class MailboxConnector implements DepartmentConnector {
        final Map<UUID, Dispatch> inbox = new ConcurrentHashMap<>();
        final List<ConnectorSettings> seen = new CopyOnWriteArrayList<>();
        volatile boolean down;
        final List<ProgressOutcome> outcomes = new CopyOnWriteArrayList<>();
        final List<String> refusals = new CopyOnWriteArrayList<>();

        @Override
        public String type() {
            return "mailbox";
        }

        @Override
        public String deliver(Dispatch dispatch, ConnectorSettings settings) throws Exception {
            seen.add(settings);
            if (settings.option("box").isEmpty()) {
                throw new DispatchRefusedException("缺少选项 box (option box is missing)");
            }
            if (down) {
                throw new DepartmentUnavailableException("信箱系统维护中 (mailbox down)", Duration.ofMillis(100));
            }
            inbox.put(dispatch.dispatchId(), dispatch);
            return "MB-" + inbox.size();
        }

        @Override
        public Duration pollInterval() {
            return Duration.ofMillis(100);
        }

        @Override
        public void poll(ConnectorSettings settings, List<AwaitingDispatch> awaiting, DepartmentProgress progress) {
            for (AwaitingDispatch a : awaiting) {
                try {
                    outcomes.add(progress.report(ProgressUpdate.of("mailbox:" + a.receipt() + ":accepted", a.dispatchId(),
                            "accepted", null)));
                } catch (ProgressRefusedException e) {
                    refusals.add(e.field());
                }
            }
        }
    }

    private final PluginTenants tenants = new PluginTenants() {
        @Override
        public boolean isEnabled(String tenantId, String modelId) {
            return enabled.getOrDefault(tenantId, Set.of()).contains(modelId);
        }

        @Override
        public Set<String> tenantsOf(String modelId) {
            return Set.of();
        }

        @Override
        public Optional<String> departmentOfKind(String tenantId, String kind) {
            return Optional.empty();
        }
    };

    /** The core's update rules, reduced to what the poll needs: a repeated id is a duplicate, "GONE" a conflict. */
    private final DepartmentUpdates updates = (tenant, department, u) -> {
        if (applied.stream().anyMatch(a -> a.updateId().equals(u.updateId()))) {
            return new UpdateOutcome(u.updateId(), u.dispatchId(), null, "N-1", List.of(), "accepted", true);
        }
        if (u.updateId().contains("GONE")) {
            throw new ConflictException("dispatchId", "派遣已不在当前 (the dispatch is no longer current)");
        }
        applied.add(u);
        return new UpdateOutcome(u.updateId(), u.dispatchId(), null, "N-1", List.of("accept"), "accepted", false);
    };

    private static final TenantDirectory NO_DEFINITIONS = FakeTenantDirectory.of();

    @Before
    public void start() throws Exception {
        runtime = new CamelRuntime(new CamelRuntime.Settings("test-node", 4, 1, Duration.ofMillis(20), Duration.ofSeconds(1),
                Duration.ofSeconds(1), 3, Duration.ofMillis(100), 50, Duration.ofSeconds(30), Duration.ofSeconds(2),
                Duration.ofSeconds(5), folder.getRoot().toPath(), "http://127.0.0.1:8181"));
        ConnectorDirectory connectors = new ConnectorDirectory(NO_DEFINITIONS);
        for (String tenant : List.of("jizhou", "donghu")) {
            connectors.addOverride(new ConnectorOverride(Map.of("tenant", tenant, "department", "XF", "type", "mailbox",
                    "box", "{tenant}-{department}@mail.example")));
        }
        connectors.addOverride(new ConnectorOverride(Map.of("tenant", "jizhou", "department", "NB", "type", "mailbox")));
        delivery = new DispatchDelivery(runtime, outbox, connectors);
        plugins = new PluginConnectors(runtime, tenants, outbox, updates);
        plugins.addConnector(mailbox, Map.of("gongzhi.model", "mailbox-model"));
    }

    @After
    public void stop() {
        plugins.stop();
        delivery.stop();
        runtime.stop();
    }

    private DispatchState state(OutboundDispatch d) {
        return outbox.row(d.dispatchId()).state();
    }

    private OutboundDispatch send(String tenant, String department) {
        OutboundDispatch d = outbox.add(tenant, department, "信访件");
        delivery.dispatched(tenant, List.of(d.dispatchId()));
        return d;
    }

    @Test
    public void aPluginConnectorDeliversWithTheDepartmentsOptionsAndItsReceiptIsKept() {
        OutboundDispatch d = send("jizhou", "XF");
        await().atMost(Duration.ofSeconds(10)).until(() -> state(d) == DispatchState.DELIVERED);
        Dispatch got = mailbox.inbox.get(d.dispatchId());
        assertThat(got.tenantId()).isEqualTo("jizhou");
        assertThat(got.department()).isEqualTo("XF");
        assertThat(got.caseId()).isEqualTo(d.caseId());
        assertThat(got.attempt()).isEqualTo(1);
        assertThat(got.json()).contains("\"title\":\"信访件\"")
                .contains("\"callbackUrl\":\"http://127.0.0.1:8181/api/v1/tenants/jizhou/departments/XF/updates\"");
        assertThat(got.toString()).doesNotContain("信访件");
        assertThat(mailbox.seen.get(0).option("box")).contains("jizhou-XF@mail.example");
        assertThat(outbox.row(d.dispatchId()).receipt()).isEqualTo("MB-1");
    }

    @Test
    public void aRefusalIsADeadLetterAtOnceAndAnOutageIsRetriedUntilTheSystemIsBack() {
        OutboundDispatch refused = send("jizhou", "NB");
        await().atMost(Duration.ofSeconds(10)).until(() -> state(refused) == DispatchState.DEAD);
        assertThat(outbox.row(refused.dispatchId()).lastError()).contains("option box is missing");
        assertThat(outbox.row(refused.dispatchId()).attempts()).isEqualTo(1);

        mailbox.down = true;
        OutboundDispatch later = send("jizhou", "XF");
        await().atMost(Duration.ofSeconds(10)).until(() -> outbox.row(later.dispatchId()).attempts() >= 1);
        assertThat(outbox.row(later.dispatchId()).lastError()).contains("mailbox down");
        assertThat(state(later)).isEqualTo(DispatchState.PENDING);
        mailbox.down = false;
        await().atMost(Duration.ofSeconds(10)).until(() -> state(later) == DispatchState.DELIVERED);
        assertThat(mailbox.inbox.get(later.dispatchId()).attempt()).isEqualTo(2);
    }

    @Test
    public void onlyDistrictsThatEnabledTheModelUseItsConnector() {
        OutboundDispatch d = send("donghu", "XF");
        await().atMost(Duration.ofSeconds(10)).until(() -> outbox.row(d.dispatchId()).attempts() >= 1);
        assertThat(outbox.row(d.dispatchId()).lastError()).contains("has not enabled model mailbox-model");
        assertThat(mailbox.inbox).doesNotContainKey(d.dispatchId());
        enabled.put("donghu", Set.of("mailbox-model"));
        await().atMost(Duration.ofSeconds(10)).until(() -> state(d) == DispatchState.DELIVERED);
    }

    @Test
    public void aConnectorThatLeavesTakesItsTypeAlongAndCoreOrTakenTypesAreNotTaken() {
        DepartmentConnector http = new MailboxConnector() {
            @Override
            public String type() {
                return "http";
            }
        };
        plugins.addConnector(http, Map.of("gongzhi.model", "other"));
        plugins.addConnector(new MailboxConnector(), Map.of("gongzhi.model", "other"));
        plugins.addConnector(new MailboxConnector() {
            @Override
            public String type() {
                return "no-model";
            }
        }, Map.of());
        assertThat(plugins.find("http")).isEmpty();
        assertThat(plugins.find("no-model")).isEmpty();
        assertThat(plugins.find("mailbox")).get().extracting(PluginConnectors.Bound::model).isEqualTo("mailbox-model");
        assertThat(runtime.camel().getRoute(PluginConnectors.routeId("mailbox"))).isNotNull();

        plugins.removeConnector(mailbox);
        assertThat(plugins.find("mailbox")).isEmpty();
        assertThat(runtime.camel().getRoute(PluginConnectors.routeId("mailbox"))).isNull();
        OutboundDispatch d = send("jizhou", "XF");
        // without a consumer the delivery waits (Camel's direct: up to 30 s) and then fails the round
        await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> state(d) == DispatchState.PENDING);
        assertThat(mailbox.inbox).doesNotContainKey(d.dispatchId());
        plugins.addConnector(mailbox, Map.of("gongzhi.model", "mailbox-model"));
        await().atMost(Duration.ofSeconds(10)).until(() -> state(d) == DispatchState.DELIVERED);
    }

    @Test
    public void aPollingConnectorReportsProgressOnceAndRefusalsComeBackNamingTheField() throws Exception {
        OutboundDispatch d = send("jizhou", "XF");
        await().atMost(Duration.ofSeconds(10)).until(() -> state(d) == DispatchState.DELIVERED);
        ConnectorDefinition c = new ConnectorDefinition("mailbox", Map.of("box", "x@mail.example"));
        assertThat(PluginConnectors.pollInterval(plugins.find("mailbox").orElseThrow(), c)).isEqualTo(Duration.ofMillis(100));
        assertThat(PluginConnectors.pollInterval(plugins.find("mailbox").orElseThrow(),
                new ConnectorDefinition("mailbox", Map.of("pollSeconds", "30")))).isEqualTo(Duration.ofSeconds(30));
        runtime.add(new PluginPollRoute("plugin-poll-jizhou-XF", "jizhou", "XF", c, Duration.ofMillis(100), plugins));
        await().atMost(Duration.ofSeconds(10)).until(() -> mailbox.outcomes.size() >= 3);
        assertThat(applied).singleElement().satisfies(u -> {
            assertThat(u.dispatchId()).isEqualTo(d.dispatchId());
            assertThat(u.status()).isEqualTo("accepted");
            assertThat(u.actor()).isEqualTo("dept-xf");
        });
        assertThat(mailbox.outcomes.get(0).duplicate()).isFalse();
        assertThat(mailbox.outcomes.get(1).duplicate()).isTrue();

        DepartmentProgress progress = plugins.progress("jizhou", "XF");
        try {
            progress.report(ProgressUpdate.of("GONE-1", d.dispatchId(), "accepted", null));
            throw new AssertionError("refused expected");
        } catch (ProgressRefusedException e) {
            assertThat(e.field()).isEqualTo("dispatchId");
        }
    }

    @Test
    public void routesOfAModelAreTakenAndOthersAreNot() {
        PluginRoutes routes = new PluginRoutes(runtime);
        RouteBuilder stray = new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:stray").routeId("stray").log("x");
            }
        };
        RouteBuilder ofModel = new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:model-route").routeId("model-route").log("x");
            }
        };
        routes.addRoutes(stray, Map.of());
        routes.addRoutes(stray, Map.of("gongzhi.model", "Not A Model"));
        assertThat(runtime.camel().getRoute("stray")).isNull();
        routes.addRoutes(ofModel, Map.of("gongzhi.model", "mailbox-model"));
        assertThat(runtime.camel().getRoute("model-route")).isNotNull();
        routes.removeRoutes(ofModel);
        assertThat(runtime.camel().getRoute("model-route")).isNull();
    }
}
