package org.gongzhi.core.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.gongzhi.core.service.dispatch.DispatchState;
import org.gongzhi.core.service.dispatch.OutboundDispatch;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.tenant.ConnectorDefinition;
import org.gongzhi.core.tenant.HotlineMapping;
import org.gongzhi.core.tenant.TenantDefinition;
import org.gongzhi.core.testing.FakeTenantDirectory;
import org.gongzhi.simulator.DepartmentSimulator;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The delivery routes in a real Camel context against a real department simulator over HTTP. */
public class DeliveryRouteTest {

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    private final MemoryOutbox outbox = new MemoryOutbox();
    private DepartmentSimulator department;
    private CamelRuntime runtime;
    private ConnectorDirectory connectors;
    private DispatchDelivery delivery;

    private static final TenantDirectory NO_DEFINITIONS = FakeTenantDirectory.of();

    @Before
    public void start() throws Exception {
        department = DepartmentSimulator.builder().host("127.0.0.1").port(0).dispatchPath("/d/{tenant}/{department}")
                .requireHeader("X-Api-Key:k1").poisonTitle("POISON").updates(false).quiet(true).build();
        department.start();
        runtime = new CamelRuntime(new CamelRuntime.Settings("test-node", 4, 2, Duration.ofMillis(20), Duration.ofSeconds(1),
                Duration.ofSeconds(1), 3, Duration.ofMillis(100), 50, Duration.ofSeconds(30), Duration.ofSeconds(2),
                Duration.ofSeconds(5), folder.getRoot().toPath(), "http://127.0.0.1:8181"));
        connectors = new ConnectorDirectory(NO_DEFINITIONS);
        connectors.addOverride(new ConnectorOverride(Map.of("tenant", "jizhou", "department", "CG", "type", "http",
                "url", department.baseUrl() + "/d/{tenant}/{department}", "authHeader", "X-Api-Key", "authValue", "k1")));
        connectors.addOverride(new ConnectorOverride(Map.of("tenant", "jizhou", "department", "HW", "type", "file",
                "format", "xml", "directory", folder.getRoot() + "/{department}")));
        delivery = new DispatchDelivery(runtime, outbox, connectors);
    }

    @After
    public void stop() {
        delivery.stop();
        runtime.stop();
        department.stop();
    }

    private DispatchState state(OutboundDispatch d) {
        return outbox.row(d.dispatchId()).state();
    }

    @Test
    public void aDispatchIsPostedOnceWithItsIdAndTheReceiptIsKept() {
        OutboundDispatch d = outbox.add("jizhou", "CG", "路灯不亮");
        delivery.dispatched("jizhou", List.of(d.dispatchId()));
        await().atMost(Duration.ofSeconds(10)).until(() -> state(d) == DispatchState.DELIVERED);
        assertThat(department.dispatches()).singleElement().satisfies(r -> {
            assertThat(r.dispatchId()).isEqualTo(d.dispatchId().toString());
            assertThat(r.deliveries()).isEqualTo(1);
            assertThat(outbox.row(d.dispatchId()).receipt()).isEqualTo(r.receipt());
        });
    }

    @Test
    public void aRefusalForGoodIsADeadLetterAtOnce() {
        OutboundDispatch d = outbox.add("jizhou", "CG", "POISON 占道");
        delivery.dispatched("jizhou", List.of(d.dispatchId()));
        await().atMost(Duration.ofSeconds(10)).until(() -> state(d) == DispatchState.DEAD);
        assertThat(outbox.row(d.dispatchId()).lastError()).contains("HTTP 422");
        assertThat(outbox.row(d.dispatchId()).attempts()).isEqualTo(1);
    }

    @Test
    public void aDownDepartmentIsRetriedInRoundsUntilTheLastThenDeadAndUpAgainItIsDelivered() {
        department.down();
        OutboundDispatch d = outbox.add("jizhou", "CG", "井盖缺失");
        delivery.dispatched("jizhou", List.of(d.dispatchId()));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(state(d)).as("%s", outbox.row(d.dispatchId())).isEqualTo(DispatchState.DEAD));
        assertThat(outbox.row(d.dispatchId()).attempts()).isEqualTo(3);
        assertThat(outbox.row(d.dispatchId()).lastError()).contains("out of attempts");

        OutboundDispatch e = outbox.add("jizhou", "CG", "井盖缺失 2");
        delivery.dispatched("jizhou", List.of(e.dispatchId()));
        await().atMost(Duration.ofSeconds(5)).until(() -> outbox.row(e.dispatchId()).attempts() >= 1);
        department.up();
        await().atMost(Duration.ofSeconds(10)).until(() -> state(e) == DispatchState.DELIVERED);
    }

    @Test
    public void aConnectorTypeWithoutRouteFailsAtOnceAndIsDeliveredWhenTheRouteComes() throws Exception {
        connectors.addOverride(new ConnectorOverride(Map.of("tenant", "jizhou", "department", "SW", "type", "workchat",
                "room", "sw-duty")));
        OutboundDispatch d = outbox.add("jizhou", "SW", "水管爆裂");
        long start = System.nanoTime();
        delivery.dispatched("jizhou", List.of(d.dispatchId()));
        // three quick attempts of 100 ms back-off, not three times direct's 30 s wait for a consumer
        await().atMost(Duration.ofSeconds(5)).until(() -> outbox.row(d.dispatchId()).attempts() >= 1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(outbox.row(d.dispatchId()).lastError()).contains("gongzhi-connector-workchat");

        List<String> took = new java.util.concurrent.CopyOnWriteArrayList<>();
        runtime.camel().addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from(org.gongzhi.core.integration.ConnectorExchange.endpoint("workchat")).routeId("test-workchat")
                        .process(ex -> took.add(ex.getIn().getBody(String.class)));
            }
        });
        OutboundDispatch e = outbox.add("jizhou", "SW", "水管爆裂 2");
        delivery.dispatched("jizhou", List.of(e.dispatchId()));
        await().atMost(Duration.ofSeconds(10)).until(() -> state(e) == DispatchState.DELIVERED);
        assertThat(took).singleElement().asString().contains("水管爆裂 2");
    }

    @Test
    public void withoutAConnectorTheDispatchIsUnroutedAndAFileConnectorWritesXml() throws Exception {
        OutboundDispatch none = outbox.add("jizhou", "GA", "噪音扰民");
        OutboundDispatch file = outbox.add("jizhou", "HW", "垃圾满溢");
        delivery.dispatched("jizhou", List.of(none.dispatchId(), file.dispatchId()));
        await().atMost(Duration.ofSeconds(10)).until(() -> state(none) == DispatchState.UNROUTED
                && state(file) == DispatchState.DELIVERED);
        Path written = folder.getRoot().toPath().resolve("HW").resolve(file.dispatchId() + ".xml");
        String xml = Files.readString(written);
        assertThat(xml).contains("<dispatch>").contains("<title>垃圾满溢</title>")
                .contains("<attachments><attachment>https://img.example/a.jpg</attachment></attachments>")
                .contains("<callbackUrl>http://127.0.0.1:8181/api/v1/tenants/jizhou/departments/HW/updates</callbackUrl>");
    }

    @Test
    public void aReplyToTheHotlineGoesThroughTheDistrictsReplyConnectorWithoutCallbackUrl() throws Exception {
        TenantDefinition jizhou = FakeTenantDirectory.demo().find("jizhou").orElseThrow();
        HotlineMapping h = jizhou.hotline();
        TenantDefinition withReply = new TenantDefinition(jizhou.id(), jizhou.name(), jizhou.nameEn(), jizhou.city(),
                jizhou.cityEn(), jizhou.adminCode(), jizhou.timeZone(), jizhou.plugins(), jizhou.sla(), jizhou.calendar(),
                jizhou.departments(), jizhou.categories(), jizhou.grids(), jizhou.people(),
                new HotlineMapping(h.categories(), h.defaultCategory(), h.places(), new ConnectorDefinition("file",
                        Map.of("directory", folder.getRoot() + "/{tenant}/replies", "format", "xml")), 3),
                jizhou.emergency());
        delivery.stop();
        connectors = new ConnectorDirectory(FakeTenantDirectory.of(withReply));
        delivery = new DispatchDelivery(runtime, outbox, connectors);
        OutboundDispatch reply = outbox.addReply("jizhou", "{\"type\":\"hotline-reply\",\"replyId\":\"{replyId}\","
                + "\"tenant\":\"jizhou\",\"ticketNumber\":\"JA-2026-0001\",\"result\":\"已清运\"}");
        OutboundDispatch none = outbox.addReply("other", "{\"type\":\"hotline-reply\"}");
        delivery.dispatched("jizhou", List.of(reply.dispatchId(), none.dispatchId()));
        await().atMost(Duration.ofSeconds(10)).until(() -> state(reply) == DispatchState.DELIVERED
                && state(none) == DispatchState.UNROUTED);
        String xml = Files.readString(folder.getRoot().toPath().resolve("jizhou/replies/" + reply.dispatchId() + ".xml"));
        assertThat(xml).contains("<reply>").contains("<ticketNumber>JA-2026-0001</ticketNumber>")
                .contains("<result>已清运</result>").doesNotContain("callbackUrl");
    }
}
