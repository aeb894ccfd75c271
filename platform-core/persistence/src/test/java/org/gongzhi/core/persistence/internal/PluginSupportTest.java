package org.gongzhi.core.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.gongzhi.core.casework.CaseAction;
import org.gongzhi.core.casework.Channel;
import org.gongzhi.core.casework.SlaTier;
import org.gongzhi.core.service.StepRefusedException;
import org.gongzhi.core.service.cases.CaseView;
import org.gongzhi.core.service.cases.NewCase;
import org.gongzhi.core.service.cases.TransitionCommand;
import org.gongzhi.core.tenant.TenantDefinition;
import org.gongzhi.plugin.api.CaseEvent;
import org.gongzhi.plugin.api.CaseFacts;
import org.gongzhi.plugin.api.CaseLifecycleListener;
import org.gongzhi.plugin.api.DistrictCategory;
import org.gongzhi.plugin.api.DistrictDepartment;
import org.gongzhi.plugin.api.DistrictFacts;
import org.gongzhi.plugin.api.DistrictGrid;
import org.gongzhi.plugin.api.DistrictModel;
import org.gongzhi.plugin.api.PluginRecord;
import org.gongzhi.plugin.api.RecordCollection;
import org.gongzhi.plugin.api.RecordQuery;
import org.gongzhi.plugin.api.TransitionGuard;
import org.gongzhi.plugin.api.TriageDecision;
import org.gongzhi.plugin.api.TriagePolicy;
import org.junit.ClassRule;
import org.junit.Test;

/** The core's side of the plugin contract, on a real PostgreSQL: only enabled tenants are touched. */
public class PluginSupportTest {

    @ClassRule
    public static final PersistenceFixture FIX = new PersistenceFixture();

    /** jizhou enables three-colour-grid in its definition; donghu does not. */
    private static final String MODEL = "three-colour-grid";
    private static final Map<String, Object> PROPS = Map.of(DistrictModel.MODEL_PROPERTY, MODEL);

    @Test
    public void triageAppliesOnlyToTenantsThatEnabledTheModel() {
        TriagePolicy red = facts -> Optional.of(new TriageDecision("difficult", 0, 12, null, List.of(), true,
                Map.of("colour", "red")));
        FIX.whiteboard.addPolicy(red, PROPS);
        try {
            CaseView jizhou = register("jizhou");
            assertThat(jizhou.tier()).isEqualTo(SlaTier.DIFFICULT);
            assertThat(jizhou.triageModel()).isEqualTo(MODEL);
            assertThat(jizhou.triageAttributes()).containsEntry("colour", "red");
            CaseView donghu = register("donghu");
            assertThat(donghu.tier()).isEqualTo(SlaTier.SIMPLE);
            assertThat(donghu.triageModel()).isNull();
            assertThat(donghu.triageAttributes()).isEmpty();
            // copy to the competent department: CM0101's department kind SANITATION is HW in jizhou
            CaseView dispatched = FIX.cases.transition("jizhou", jizhou.id(), new TransitionCommand(CaseAction.DISPATCH,
                    "c", null, List.of(), "CG", List.of(), null, null, null, null));
            assertThat(dispatched.coDepartments()).contains("HW");
        } finally {
            FIX.whiteboard.removePolicy(red, PROPS);
        }
    }

    @Test
    public void guardsRefuseStepsAndListenersHearThemInOrder() {
        TransitionGuard noRegister = (facts, id, action) -> "register".equals(action)
                ? Optional.of("须先会商 (consult first)") : Optional.empty();
        List<String> heard = new CopyOnWriteArrayList<>();
        CaseLifecycleListener listener = (CaseEvent e) -> heard.add(e.facts().tenantId() + ":" + e.action());
        FIX.whiteboard.addGuard(noRegister, PROPS);
        FIX.whiteboard.addListener(listener, PROPS);
        try {
            UUID id = report("jizhou");
            assertThatThrownBy(() -> FIX.cases.transition("jizhou", id, cmd(CaseAction.REGISTER)))
                    .isInstanceOf(StepRefusedException.class).hasMessageContaining("会商");
            FIX.cases.transition("jizhou", id, cmd(CaseAction.REJECT));
            UUID other = report("donghu");
            FIX.cases.transition("donghu", other, cmd(CaseAction.REGISTER));
            await().atMost(Duration.ofSeconds(5)).until(() -> heard.size() >= 2);
            assertThat(heard).containsExactly("jizhou:report", "jizhou:reject");
        } finally {
            FIX.whiteboard.removeGuard(noRegister, PROPS);
            FIX.whiteboard.removeListener(listener, PROPS);
        }
    }

    @Test
    public void recordsAreVersionedFoundByRefAndKeptPerTenant() {
        RecordCollection jizhou = FIX.storage.collection("jizhou", MODEL, "roster");
        RecordCollection donghu = FIX.storage.collection("donghu", MODEL, "roster");
        PluginRecord first = jizhou.put("r-1", Map.of("name", "张三", "role", "VOLUNTEER"), List.of("grid=360802001"), 0L);
        assertThat(first.version()).isEqualTo(1);
        assertThat(jizhou.put("r-1", Map.of("name", "张三"), List.of("grid=360802001"), 1L).version()).isEqualTo(2);
        assertThatThrownBy(() -> jizhou.put("r-1", Map.of(), List.of(), 1L)).isInstanceOf(IllegalStateException.class);
        jizhou.put("r-2", Map.of("name", "李四"), List.of("grid=360802002"), null);
        assertThat(jizhou.find("grid=360802001", 0, 10)).extracting(PluginRecord::id).containsExactly("r-1");
        assertThat(jizhou.count(null)).isEqualTo(2);
        assertThat(donghu.get("r-1")).isEmpty();
        assertThat(donghu.count(null)).isZero();
        assertThat(FIX.storage.collection("jizhou", "other-model", "roster").count(null)).isZero();
        assertThat(jizhou.delete("r-2")).isTrue();
        assertThat(jizhou.delete("r-2")).isFalse();
        assertThatThrownBy(() -> jizhou.put("bad id!", Map.of(), List.of(), null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FIX.storage.collection("atlantis", MODEL, "roster")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    public void queriesSelectBySeveralRefsAndRangesAndCountInTheDatabase() {
        RecordCollection sessions = FIX.storage.collection("jizhou", MODEL, "q-sessions");
        String[][] rows = {
                {"s-1", "studio=a", "day=2026-02-28"}, {"s-2", "studio=a", "day=2026-03-01"},
                {"s-3", "studio=b", "day=2026-03-15"}, {"s-4", "studio=c", "day=2026-03-31"},
                {"s-5", "studio=a", "day=2026-04-01"}, {"s-6", "studio=b", "daylight=2026-03-10"},
                {"s-7", "studio=b", "day=2026-03-1"}};
        for (String[] r : rows) {
            sessions.put(r[0], Map.of(), List.of(r[1], r[2]), null);
        }
        FIX.storage.collection("donghu", MODEL, "q-sessions").put("s-9", Map.of(), List.of("studio=a", "day=2026-03-02"), null);
        RecordQuery march = RecordQuery.all().range("day", "2026-03-01", "2026-04-01");
        // "2026-03-1" sorts before "2026-03-15" as a string: in the range too
        assertThat(sessions.query(march, 0, 10)).extracting(PluginRecord::id).containsExactly("s-2", "s-3", "s-4", "s-7");
        assertThat(sessions.countOf(march)).isEqualTo(4);
        RecordQuery abMarch = march.anyRef("studio=a", "studio=b");
        assertThat(sessions.query(abMarch, 0, 10)).extracting(PluginRecord::id).containsExactly("s-2", "s-3", "s-7");
        assertThat(sessions.query(abMarch, 1, 1)).extracting(PluginRecord::id).containsExactly("s-3");
        assertThat(sessions.countOf(abMarch)).isEqualTo(3);
        assertThat(sessions.countOf(RecordQuery.all().range("day", null, "2026-03-01"))).isEqualTo(1);
        assertThat(sessions.countOf(RecordQuery.all().range("day", "2026-03-31", null))).isEqualTo(2);
        assertThat(sessions.countOf(RecordQuery.all().range("day", null, null))).isEqualTo(6);   // not daylight=
        assertThat(sessions.countOf(RecordQuery.all().ref("studio=b").ref("day=2026-03-15"))).isEqualTo(1);
        assertThat(sessions.countOf(RecordQuery.all())).isEqualTo(7);
        assertThat(sessions.countOf(RecordQuery.all().ref("studio=z"))).isZero();
        assertThatThrownBy(() -> sessions.query(march, 0, 501)).isInstanceOf(IllegalArgumentException.class);
        // the database answers as the API's reference semantics (RecordQuery.matches) says
        for (RecordQuery q : List.of(march, abMarch, RecordQuery.all().range("day", "2026-03-1", "2026-03-2"))) {
            List<String> expected = sessions.find(null, 0, 500).stream().filter(r -> q.matches(r.refs()))
                    .map(PluginRecord::id).toList();
            assertThat(sessions.query(q, 0, 500)).extracting(PluginRecord::id).isEqualTo(expected);
        }
    }

    @Test
    public void aDistrictsFactsGoOnlyToTheModelsItEnabled() {
        CorePluginTenants tenants = new CorePluginTenants(FIX.tenants);
        assertThat(tenants.district("donghu", MODEL)).isEmpty();
        assertThat(tenants.district("atlantis", MODEL)).isEmpty();
        DistrictFacts jizhou = tenants.district("jizhou", MODEL).orElseThrow();
        TenantDefinition def = FIX.tenants.find("jizhou").orElseThrow();
        assertThat(jizhou.tenantId()).isEqualTo("jizhou");
        assertThat(jizhou.categories()).hasSameSizeAs(def.categories());
        assertThat(jizhou.category("CM0101")).get().satisfies(c -> {
            assertThat(c.family()).isEqualTo(DistrictCategory.CITY_MANAGEMENT);
            assertThat(c.departmentKind()).isEqualTo("SANITATION");
            assertThat(c.leaf()).isTrue();
            assertThat(c.parentCode()).isEqualTo("CM01");
        });
        assertThat(jizhou.grids()).hasSize(def.grids().size());
        assertThat(jizhou.rootGrid().level()).isEqualTo(DistrictGrid.DISTRICT);
        assertThat(jizhou.pathTo("360802001001001")).extracting(DistrictGrid::level)
                .containsExactly("district", "street", "community", "grid");
        assertThat(jizhou.ancestorAt("360802001001001", DistrictGrid.COMMUNITY)).map(DistrictGrid::code)
                .contains("360802001001");
        assertThat(jizhou.departmentsOfKind("CITY_MANAGEMENT")).extracting(DistrictDepartment::code).contains("CG");
        assertThat(tenants.district("jizhou", MODEL)).get().isSameAs(jizhou);   // built once per definition
    }

    @Test
    public void caseFactsCarryFamilyCategoryNameAndLeadDepartmentKind() {
        List<CaseFacts> told = new CopyOnWriteArrayList<>();
        CaseLifecycleListener listener = e -> told.add(e.facts());
        FIX.whiteboard.addListener(listener, PROPS);
        try {
            UUID id = report("jizhou");
            FIX.cases.transition("jizhou", id, cmd(CaseAction.REGISTER));
            FIX.cases.transition("jizhou", id, new TransitionCommand(CaseAction.DISPATCH, "c", null, List.of(), "CG",
                    List.of(), null, null, null, null));
            await().atMost(Duration.ofSeconds(5)).until(() -> told.size() >= 3);
            String name = FIX.tenants.find("jizhou").orElseThrow().category("CM0101").orElseThrow().name();
            assertThat(told).allSatisfy(f -> {
                assertThat(f.categoryFamily()).isEqualTo("CITY_MANAGEMENT");
                assertThat(f.categoryName()).isEqualTo(name);
            });
            assertThat(told.get(0).leadDepartmentKind()).isEqualTo("SANITATION");   // the category's, before dispatch
            assertThat(told.get(2).leadDepartmentKind()).isEqualTo("CITY_MANAGEMENT"); // CG's, once dispatched
        } finally {
            FIX.whiteboard.removeListener(listener, PROPS);
        }
    }

    @Test
    public void enablingAModelIsKeptAndTakesEffect() {
        assertThat(FIX.tenants.enabledModels("donghu")).doesNotContain("extra-model");
        FIX.tenants.setModelEnabled("donghu", "extra-model", true);
        assertThat(FIX.tenants.enabledModels("donghu")).contains("extra-model", "old-man-studios");
        assertThat(new TenantCatalog(FIX.db, java.nio.file.Path.of("../../tenants")).enabledModels("donghu"))
                .contains("extra-model");
        FIX.tenants.setModelEnabled("donghu", "extra-model", false);
        assertThat(FIX.tenants.enabledModels("donghu")).doesNotContain("extra-model");
    }

    private static UUID report(String tenant) {
        return FIX.cases.report(tenant, new NewCase("路灯不亮", null, "CM0101", Channel.HOTLINE, null, null, null, null,
                null, null, List.of(), null), "hotline").kase().id();
    }

    private static CaseView register(String tenant) {
        return FIX.cases.transition(tenant, report(tenant), cmd(CaseAction.REGISTER));
    }

    private static TransitionCommand cmd(CaseAction action) {
        return new TransitionCommand(action, "centre", "说明", List.of(), null, List.of(), null, null, null, null);
    }
}
