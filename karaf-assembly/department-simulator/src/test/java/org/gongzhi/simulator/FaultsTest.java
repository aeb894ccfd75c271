package org.gongzhi.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.After;
import org.junit.Test;

/** Simulated failures: the seeded fail rate, outages switched at run time and at the start. */
public class FaultsTest {

    private final List<DepartmentSimulator> sims = new ArrayList<>();

    @After
    public void stop() {
        sims.forEach(DepartmentSimulator::stop);
    }

    private DepartmentSimulator start(SimulatorBuilder b) {
        DepartmentSimulator sim = b.port(0).quiet(true).updates(false).build();
        sims.add(sim);
        sim.start();
        return sim;
    }

    private static URI uri(DepartmentSimulator sim) {
        return sim.dispatchUrl("jizhou", "CG");
    }

    /** The dispatch ids whose first delivery was answered 503. */
    private static Set<String> failedFirstDeliveries(DepartmentSimulator sim, List<String> ids) throws Exception {
        Set<String> failed = new TreeSet<>();
        for (String id : ids) {
            int status = TestHttp.post(uri(sim), TestHttp.dispatch(id).toString()).statusCode();
            assertThat(status).isIn(202, 503);
            if (status == 503) {
                failed.add(id);
            }
        }
        return failed;
    }

    @Test
    public void theFailRateWithASeedIsReproducibleAndARedeliverySucceeds() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            ids.add(UUID.nameUUIDFromBytes(("dispatch-" + i).getBytes()).toString());
        }
        DepartmentSimulator a = start(DepartmentSimulator.builder().failRate(0.3).seed(42));
        DepartmentSimulator b = start(DepartmentSimulator.builder().failRate(0.3).seed(42));
        DepartmentSimulator c = start(DepartmentSimulator.builder().failRate(0.3).seed(43));
        List<String> reversed = new ArrayList<>(ids);
        java.util.Collections.reverse(reversed);

        Set<String> failedA = failedFirstDeliveries(a, ids);
        Set<String> failedB = failedFirstDeliveries(b, reversed); // the arrival order does not matter
        Set<String> failedC = failedFirstDeliveries(c, ids);

        assertThat(failedA).isEqualTo(failedB);
        assertThat(failedA.size()).isBetween(40, 80);
        assertThat(failedC).isNotEqualTo(failedA);
        assertThat(a.stats().rejected()).containsEntry("503", (long) failedA.size());
        for (String id : failedA) {
            HttpResponse<String> again = TestHttp.post(uri(a), TestHttp.dispatch(id).toString());
            assertThat(again.statusCode()).isEqualTo(202);
            assertThat(again.headers().firstValue("Retry-After")).isEmpty();
        }
        assertThat(a.stats().accepted()).isEqualTo(200);
        assertThat(a.dispatches()).filteredOn(d -> failedA.contains(d.dispatchId()))
                .allSatisfy(d -> assertThat(d.deliveries()).isEqualTo(2));
    }

    @Test
    public void failTimesRefusesSeveralDeliveries() throws Exception {
        DepartmentSimulator sim = start(DepartmentSimulator.builder().failRate(1.0).failTimes(3));
        String body = TestHttp.newDispatch();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> r = TestHttp.post(uri(sim), body);
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.headers().firstValue("Retry-After")).hasValue("1");
        }
        assertThat(TestHttp.post(uri(sim), body).statusCode()).isEqualTo(202);
        assertThat(TestHttp.post(uri(sim), body).statusCode()).isEqualTo(200);
    }

    @Test
    public void theAdminSwitchTakesItDownAndUp() throws Exception {
        DepartmentSimulator sim = start(DepartmentSimulator.builder());
        URI admin = sim.baseUrl();
        assertThat(TestHttp.post(uri(sim), TestHttp.newDispatch()).statusCode()).isEqualTo(202);

        HttpResponse<String> down = TestHttp.post(admin.resolve("/admin/down"), "");
        assertThat(TestHttp.json(down.body()).get("down").asBoolean()).isTrue();
        String waiting = TestHttp.newDispatch();
        HttpResponse<String> refused = TestHttp.post(uri(sim), waiting);
        DispatchEndpointTest.assertProblem(refused, 503, null);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(TestHttp.json(TestHttp.get(admin.resolve("/admin/stats")).body()).get("down").asBoolean()).isTrue();
        assertThat(TestHttp.get(admin.resolve("/health")).statusCode()).isEqualTo(200);

        HttpResponse<String> up = TestHttp.post(admin.resolve("/admin/up"), "");
        assertThat(TestHttp.json(up.body()).get("down").asBoolean()).isFalse();
        assertThat(TestHttp.post(uri(sim), waiting).statusCode()).isEqualTo(202);
        assertThat(sim.stats().rejected()).containsEntry("503", 1L);
        assertThat(sim.stats().accepted()).isEqualTo(2);
    }

    @Test
    public void inRefuseModeTheConnectionIsClosedWithoutAnAnswer() throws Exception {
        DepartmentSimulator sim = start(DepartmentSimulator.builder());
        HttpResponse<String> down = TestHttp.post(sim.baseUrl().resolve("/admin/down?mode=refuse&for=1m"), "");
        assertThat(TestHttp.json(down.body()).get("mode").asText()).isEqualTo("refuse");
        assertThat(TestHttp.json(down.body()).get("until").asText()).isNotEmpty();

        assertThatThrownBy(() -> TestHttp.post(uri(sim), TestHttp.newDispatch())).isInstanceOf(IOException.class);
        assertThat(sim.stats().rejected()).containsEntry("refused", 1L);

        sim.up();
        assertThat(TestHttp.post(uri(sim), TestHttp.newDispatch()).statusCode()).isEqualTo(202);
    }

    @Test
    public void downForEndsByItself() throws Exception {
        DepartmentSimulator sim = start(DepartmentSimulator.builder().downFor(Duration.ofMillis(400)));
        String body = TestHttp.newDispatch();
        assertThat(TestHttp.post(uri(sim), body).statusCode()).isEqualTo(503);
        assertThat(TestHttp.eventually(3_000, () -> sim.downMode() == null)).isTrue();
        assertThat(TestHttp.post(uri(sim), body).statusCode()).isEqualTo(202);
    }

    @Test
    public void aDownWithALengthFromTheSwitchEndsByItself() throws Exception {
        DepartmentSimulator sim = start(DepartmentSimulator.builder());
        assertThat(TestHttp.post(sim.baseUrl().resolve("/admin/down?for=300ms"), "").statusCode()).isEqualTo(200);
        assertThat(TestHttp.post(uri(sim), TestHttp.newDispatch()).statusCode()).isEqualTo(503);
        assertThat(TestHttp.eventually(3_000, () -> sim.downMode() == null)).isTrue();
        assertThat(TestHttp.post(uri(sim), TestHttp.newDispatch()).statusCode()).isEqualTo(202);
        assertThat(TestHttp.post(sim.baseUrl().resolve("/admin/down?for=soon"), "").statusCode()).isEqualTo(400);
        assertThat(TestHttp.get(sim.baseUrl().resolve("/admin/down")).statusCode()).isEqualTo(405);
    }
}
