package org.gongzhi.core.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.gongzhi.core.casework.CaseStatus;
import org.gongzhi.core.casework.CategoryFamily;
import org.gongzhi.core.casework.Channel;
import org.gongzhi.core.service.NotFoundException;
import org.gongzhi.core.service.events.CaseEvent;
import org.gongzhi.core.service.events.CaseEventListener;
import org.gongzhi.core.service.events.CaseEvents;
import org.gongzhi.core.service.screen.DistrictMode;
import org.gongzhi.core.service.screen.DistrictModes;
import org.gongzhi.core.service.screen.DistrictScreen;
import org.gongzhi.core.service.screen.OperatingMode;
import org.gongzhi.core.service.screen.ScreenFigures;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.tenant.TenantDefinition;
import org.gongzhi.core.tenant.TenantDefinitionReader;
import org.gongzhi.core.testing.FakeTenantDirectory;
import org.junit.After;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The wall screens' cache: one computation serves every screen of a district for at most 5 s, callers
 * arriving meanwhile wait for it, a failure is not kept; the city adds the active districts up; the wire
 * form of the contract. Stand-ins for the other bundles' services (figures, mode, events).
 */
public class ScreenBoardTest {

    private static final Instant AT = Instant.parse("2026-11-12T04:00:00Z");
    private static final List<TenantDefinition> DISTRICTS = new TenantDefinitionReader().readAll(Path.of("../../tenants"));

    private final AtomicLong nanos = new AtomicLong();
    private final AtomicInteger computed = new AtomicInteger();
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private final ExecutorService pool = Executors.newFixedThreadPool(16);
    private final ScreenBoard board = new ScreenBoard(this::figures, modes(), events(), directory(),
            Clock.fixed(AT, ZoneOffset.UTC), nanos::get, Executors.newFixedThreadPool(2));

    @After
    public void stop() {
        pool.shutdownNow();
        board.stop();
    }

    @Test
    public void aHundredScreensAtOnceCostOneComputation() throws Exception {
        gate = new CountDownLatch(1);
        List<Future<ScreenJson.District>> screens = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            screens.add(pool.submit(() -> board.district("jizhou")));
        }
        Thread.yield();
        gate.countDown();
        for (Future<ScreenJson.District> s : screens) {
            assertThat(s.get(10, TimeUnit.SECONDS).open()).isEqualTo(1);
        }
        assertThat(computed).hasValue(1);
        nanos.addAndGet(Duration.ofMillis(3_900).toNanos());
        assertThat(board.district("jizhou").open()).isEqualTo(1);
        assertThat(computed).hasValue(1);
    }

    @Test
    public void screensPollingSteadilyGetAnAnswerAtOnceAndNeverOneOlderThanFiveSeconds() {
        // computations on the caller's thread, so that each step is done when the call returns
        ScreenBoard direct = new ScreenBoard(this::figures, modes(), events(), directory(), Clock.fixed(AT, ZoneOffset.UTC),
                nanos::get, Runnable::run);
        assertThat(direct.district("jizhou").open()).isEqualTo(1);
        nanos.addAndGet(Duration.ofMillis(4_100).toNanos());
        // 4.1 s old: the next one is computed (in the background with the component's pool; here at once)
        assertThat(direct.district("jizhou").open()).isBetween(1L, 2L);
        assertThat(computed).hasValue(2);
        nanos.addAndGet(Duration.ofMillis(3_000).toNanos());
        assertThat(direct.district("jizhou").open()).isEqualTo(2);
        assertThat(computed).hasValue(2);
        // nobody asked for 5 s: the next caller waits for a new computation
        nanos.addAndGet(Duration.ofMillis(5_100).toNanos());
        assertThat(direct.district("jizhou").open()).isEqualTo(3);
        assertThat(computed).hasValue(3);
    }

    @Test
    public void aFailureIsNotKept() {
        assertThatThrownBy(() -> board.district("nowhere")).isInstanceOf(NotFoundException.class);
        // the cache drops a failed computation in a callback of its future, which may run just after the caller
        // woke up with the failure: a caller a moment later computes again (kept, it never would)
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (computed.get() < 2 && System.nanoTime() < until) {
            assertThatThrownBy(() -> board.district("nowhere")).isInstanceOf(NotFoundException.class);
        }
        assertThat(computed).hasValue(2);
    }

    @Test
    public void theWireFormOfTheContract() {
        JsonNode d = Json.mapper().valueToTree(board.district("jizhou"));
        assertThat(d.get("mode").get("mode").asText()).isEqualTo("normal");
        assertThat(d.get("families").get(0).get("family").asText()).isEqualTo("city-management");
        JsonNode event = d.get("recent").get(0);
        assertThat(event.get("action").asText()).isEqualTo("dispatch");
        assertThat(event.get("from").asText()).isEqualTo("registered");
        assertThat(event.get("family").asText()).isEqualTo("comprehensive-governance");
        assertThat(event.get("channel").asText()).isEqualTo("grid-worker");
        assertThat(d.get("month").get("period").asText()).isEqualTo("2026-11");
        assertThat(d.get("month").get("closureRate").asDouble()).isEqualTo(0.75);
        assertThat(d.get("month").has("satisfaction")).as("null figures are left out, as everywhere in the API").isFalse();
        assertThat(d.get("dispatchToday").has("medianSeconds")).isFalse();
        assertThat(d.get("dispatchToday").get("targetSeconds").asInt()).isEqualTo(180);
        assertThat(d.get("openByGrid").get("360802001").asLong()).isEqualTo(1);
        for (String field : List.of("tenant", "name", "generatedAt", "today", "open", "overdue", "warning", "trend",
                "departments", "grids")) {
            assertThat(d.has(field)).as(field).isTrue();
        }
    }

    @Test
    public void theCityAddsUpItsActiveDistricts() {
        ScreenJson.City city = board.city();
        assertThat(city.districts()).extracting(ScreenJson.CityDistrict::tenant)
                .containsExactlyInAnyOrderElementsOf(DISTRICTS.stream().map(TenantDefinition::id).filter(id -> !id.equals("jiangbei")).toList());
        assertThat(city.totals().open()).isEqualTo(city.districts().stream().mapToLong(ScreenJson.CityDistrict::open).sum());
        assertThat(city.totals().today().reported()).isEqualTo(3L * city.districts().size());
        assertThat(city.totals().month().due()).isEqualTo(4L * city.districts().size());
        assertThat(city.totals().month().closureRate()).isEqualTo(0.75);
        assertThat(city.generatedAt()).isEqualTo(AT);
        assertThat(city.recent()).as("every active district's newest events, merged, newest last")
                .extracting(EventJson.Case::tenant).containsExactly("jizhou", "donghu"); // j is 106 s before AT, d 100 s
    }

    private DistrictScreen figures(String tenant) {
        int n = computed.incrementAndGet();
        try {
            gate.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (DISTRICTS.stream().noneMatch(t -> t.id().equals(tenant))) {
            throw new NotFoundException("no such tenant: " + tenant);
        }
        return new DistrictScreen(tenant, tenant, AT, new DistrictScreen.Today(3, 2, 1), n, 0, 0,
                new DistrictScreen.Month("2026-11", 4, 3, 2, 0.75, 0.5, null, 0), List.of(),
                List.of(new DistrictScreen.FamilyRow(CategoryFamily.CITY_MANAGEMENT, 1, 1)), List.of(),
                new DistrictScreen.Grids(List.of(), List.of()), Map.of("360802001", 1L),
                new DistrictScreen.Dispatch(0, null, null, ScreenFigures.DISPATCH_TARGET_SECONDS, 0));
    }

    private static DistrictModes modes() {
        return new DistrictModes() {
            @Override
            public DistrictMode current(String tenant) {
                return new DistrictMode(tenant, OperatingMode.NORMAL, null, null, null);
            }

            @Override
            public DistrictMode switchTo(String tenant, OperatingMode mode, String reason, String actor) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<DistrictMode> history(String tenant, Instant from, Instant to) {
                return List.of();
            }
        };
    }

    private static CaseEvents events() {
        return new CaseEvents() {
            @Override
            public Subscription subscribe(String tenant, String after, CaseEventListener listener) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<CaseEvent> recent(String tenant, int limit) {
                return List.of(new CaseEvent("c1", tenant, UUID.randomUUID(), "360802-20261112-000001", "dispatch",
                        CaseStatus.REGISTERED, CaseStatus.DISPATCHED, "CG0101", CategoryFamily.COMPREHENSIVE_GOVERNANCE,
                        "360802001001001", "CG", Channel.GRID_WORKER, AT.minusSeconds(tenant.charAt(0))));
            }
        };
    }

    /** The shipped districts, Jiangbei suspended. */
    private static TenantDirectory directory() {
        return FakeTenantDirectory.of(DISTRICTS).suspend("jiangbei");
    }
}
