package org.gongzhi.core.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.gongzhi.core.casework.CaseAction;
import org.gongzhi.core.casework.CaseStatus;
import org.gongzhi.core.casework.Channel;
import org.gongzhi.core.casework.SlaTier;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.cases.CaseView;
import org.gongzhi.core.service.cases.JournalEntry;
import org.gongzhi.core.service.cases.NewCase;
import org.gongzhi.core.service.cases.TransitionCommand;
import org.gongzhi.core.tenant.Responsibility;
import org.gongzhi.core.tenant.ResponsibilityList;
import org.gongzhi.plugin.api.DistrictModel;
import org.gongzhi.plugin.api.TransitionGuard;
import org.gongzhi.plugin.api.TriageDecision;
import org.gongzhi.plugin.api.TriagePolicy;
import org.junit.After;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * Routing by the responsibility list (责任清单) and the plugins' triage on a real PostgreSQL, with the
 * shipped lists of the demo districts (ADR 0033): the proposal at intake and registration, a dispatch
 * that takes it, auto-dispatch, a list replaced without a restart, and the order of several models.
 */
public class ResponsibilityRoutingTest {

    @ClassRule
    public static final PersistenceFixture FIX = new PersistenceFixture();

    /** A street community of 古南街道 and a village of 兴桥镇 (a town: rural roads are the transport bureau's). */
    private static final String STREET_GRID = "360802001001";
    private static final String TOWN_GRID = "360802100201";
    /** Enabled for jizhou in its definition. */
    private static final String JIZHOU_MODEL = "three-colour-grid";

    private final List<Runnable> undo = new java.util.ArrayList<>();

    @After
    public void restore() {
        undo.forEach(Runnable::run);
        undo.clear();
    }

    @Test
    public void theShippedListProposesAtIntakeAndADispatchWithoutALeadTakesIt() {
        // CM0105 沿街餐饮油烟扰民: ecology and environment leads, market supervision and city management co-handle
        CaseView reported = report("jizhou", "CM0105", STREET_GRID);
        assertThat(reported.proposal()).isNotNull();
        assertThat(reported.proposal().leadDepartment()).isEqualTo("HB");
        assertThat(reported.proposal().coDepartments()).containsExactly("SJ", "CG");
        assertThat(reported.proposal().tier()).isEqualTo(SlaTier.COORDINATION);
        assertThat(reported.proposal().source()).isEqualTo("list");

        step("jizhou", reported.id(), CaseAction.REGISTER);
        CaseView dispatched = step("jizhou", reported.id(), CaseAction.DISPATCH);

        assertThat(dispatched.status()).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(dispatched.leadDepartment()).isEqualTo("HB");
        assertThat(dispatched.coDepartments()).containsExactly("SJ", "CG");
    }

    @Test
    public void aGridAreaLineWinsOverTheDistrictLine() {
        // CM0603 道路坑洼: city management in the streets, the transport bureau in the towns
        assertThat(report("jizhou", "CM0603", STREET_GRID).proposal().leadDepartment()).isEqualTo("CG");
        CaseView town = report("jizhou", "CM0603", TOWN_GRID);
        assertThat(town.proposal().leadDepartment()).isEqualTo("JT");
        assertThat(town.proposal().coDepartments()).containsExactly("ZZ");
    }

    @Test
    public void aNamedLeadOverridesTheProposalAndWithoutListOrTriageTheLeadIsStillRequired() {
        CaseView c = report("jizhou", "CM0105", STREET_GRID);
        step("jizhou", c.id(), CaseAction.REGISTER);
        CaseView named = FIX.cases.transition("jizhou", c.id(), new TransitionCommand(CaseAction.DISPATCH, "centre",
                null, List.of(), "CG", List.of(), null, null, null, null));
        assertThat(named.leadDepartment()).isEqualTo("CG");
        assertThat(named.coDepartments()).isEmpty();

        replace("jizhou", new ResponsibilityList(false, List.of()));
        CaseView unlisted = report("jizhou", "CM0105", STREET_GRID);
        assertThat(unlisted.proposal()).isNull();
        step("jizhou", unlisted.id(), CaseAction.REGISTER);
        assertThatThrownBy(() -> step("jizhou", unlisted.id(), CaseAction.DISPATCH))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "leadDepartment");
    }

    @Test
    public void aReplacedListHoldsForTheNextRegistrationAndItsTierApplies() {
        replace("jizhou", new ResponsibilityList(false, List.of(
                new Responsibility("CM01", null, "CG", List.of("HW"), SlaTier.DIFFICULT))));
        CaseView c = report("jizhou", "CM0101", STREET_GRID);
        CaseView registered = step("jizhou", c.id(), CaseAction.REGISTER);
        assertThat(registered.proposal().leadDepartment()).isEqualTo("CG");
        assertThat(registered.proposal().coDepartments()).containsExactly("HW");
        assertThat(registered.tier()).isEqualTo(SlaTier.DIFFICULT);
        assertThat(FIX.lists.current("jizhou").entries()).hasSize(1);
    }

    @Test
    public void autoDispatchPerformsTheProposalAtRegistration() {
        ResponsibilityList shipped = FIX.lists.current("jizhou");
        replace("jizhou", new ResponsibilityList(true, shipped.entries()));
        CaseView c = report("jizhou", "CM0105", STREET_GRID);
        CaseView registered = step("jizhou", c.id(), CaseAction.REGISTER);

        assertThat(registered.status()).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(registered.leadDepartment()).isEqualTo("HB");
        assertThat(registered.coDepartments()).containsExactly("SJ", "CG");
        List<JournalEntry> journal = FIX.cases.journal("jizhou", c.id());
        assertThat(journal).extracting(JournalEntry::action)
                .containsExactly(null, CaseAction.REGISTER, CaseAction.DISPATCH);
        assertThat(journal.get(2).actor()).isEqualTo(CaseSteps.AUTO_DISPATCH);

        // a plugin's guard that refuses the dispatch leaves the case registered for the dispatcher
        TransitionGuard noDispatch = (facts, id, action) -> "dispatch".equals(action)
                ? Optional.of("须先会商 (consult first)") : Optional.empty();
        Map<String, Object> props = Map.of(DistrictModel.MODEL_PROPERTY, JIZHOU_MODEL);
        FIX.whiteboard.addGuard(noDispatch, props);
        undo.add(() -> FIX.whiteboard.removeGuard(noDispatch, props));
        CaseView guarded = report("jizhou", "CM0105", STREET_GRID);
        assertThat(step("jizhou", guarded.id(), CaseAction.REGISTER).status()).isEqualTo(CaseStatus.REGISTERED);
    }

    @Test
    public void aPluginsTriageDepartmentsApplyOnTopOfTheList() {
        // CM0101 暴露垃圾: the list says sanitation (HW); the triage says public security leads, city management co-handles
        policy(JIZHOU_MODEL, new TriageDecision("difficult", 0, 10, "PUBLIC_SECURITY", List.of("CITY_MANAGEMENT"),
                false, Map.of()));
        CaseView c = report("jizhou", "CM0101", STREET_GRID);
        assertThat(c.proposal().leadDepartment()).isEqualTo("GA");
        assertThat(c.proposal().coDepartments()).containsExactly("CG");
        assertThat(c.proposal().tier()).isEqualTo(SlaTier.DIFFICULT);
        assertThat(c.proposal().source()).isEqualTo("list+triage:" + JIZHOU_MODEL);

        step("jizhou", c.id(), CaseAction.REGISTER);
        CaseView dispatched = step("jizhou", c.id(), CaseAction.DISPATCH);
        assertThat(dispatched.leadDepartment()).isEqualTo("GA");
        assertThat(dispatched.coDepartments()).containsExactly("CG");
        assertThat(dispatched.tier()).isEqualTo(SlaTier.DIFFICULT);
    }

    @Test
    public void aTriageLeadOfTheListsKindKeepsTheListsDepartment() {
        // donghu has two public-security departments; the list gives CM0405 机动车乱停放 to the traffic police (JJ)
        FIX.tenants.setModelEnabled("donghu", "m-police", true);
        undo.add(() -> FIX.tenants.setModelEnabled("donghu", "m-police", false));
        policy("m-police", new TriageDecision("coordination", 0, 5, "PUBLIC_SECURITY", List.of(), false, Map.of()));
        CaseView c = report("donghu", "CM0405", "360102001001");
        assertThat(c.proposal().leadDepartment()).isEqualTo("JJ");
        assertThat(c.proposal().source()).isEqualTo("list");
    }

    @Test
    public void ofSeveralModelsTheFirstInModelIdOrderWithAnOpinionDecides() {
        // jizhou enables three-colour-grid; "a-model" comes first by id and decides, so three-colour-grid is not asked
        FIX.tenants.setModelEnabled("jizhou", "a-model", true);
        undo.add(() -> FIX.tenants.setModelEnabled("jizhou", "a-model", false));
        policy(JIZHOU_MODEL, new TriageDecision("difficult", 0, 10, "PUBLIC_SECURITY", List.of(), false, Map.of()));
        policy("a-model", new TriageDecision("coordination", 0, 5, "HOUSING", List.of("FIRE"), false, Map.of()));
        CaseView c = report("jizhou", "CM0101", STREET_GRID);
        assertThat(c.proposal().leadDepartment()).isEqualTo("ZJ");
        assertThat(c.proposal().coDepartments()).containsExactly("XF");
        assertThat(c.proposal().source()).isEqualTo("list+triage:a-model");
        CaseView registered = step("jizhou", c.id(), CaseAction.REGISTER);
        assertThat(registered.triageModel()).isEqualTo("a-model");
        assertThat(registered.tier()).isEqualTo(SlaTier.COORDINATION);
    }

    @Test
    public void aListNamingWhatTheDistrictLacksIsRefusedNamingTheField() {
        ResponsibilityList before = FIX.lists.current("jizhou");
        assertThatThrownBy(() -> FIX.lists.replace("jizhou", new ResponsibilityList(false, List.of(
                new Responsibility("CM0101", null, "HW", List.of(), null),
                new Responsibility("CM0102", null, "NOPE", List.of(), null))), "admin"))
                .isInstanceOf(ValidationException.class)
                .hasFieldOrPropertyWithValue("field", "entries[1].leadDepartment");
        assertThatThrownBy(() -> FIX.lists.replace("jizhou", new ResponsibilityList(false, List.of(
                new Responsibility("CM0101", "999", "HW", List.of(), null))), "admin"))
                .hasFieldOrPropertyWithValue("field", "entries[0].gridCode");
        assertThatThrownBy(() -> FIX.lists.replace("jizhou", new ResponsibilityList(false, List.of(
                new Responsibility("CM0101", null, "HW", List.of("HW"), null))), "admin"))
                .hasFieldOrPropertyWithValue("field", "entries[0].coDepartments");
        assertThat(FIX.lists.current("jizhou")).isEqualTo(before);
    }

    private void replace(String tenant, ResponsibilityList list) {
        ResponsibilityList before = FIX.lists.current(tenant);
        FIX.lists.replace(tenant, list, "admin");
        undo.add(0, () -> FIX.lists.replace(tenant, before, "admin"));
    }

    private void policy(String model, TriageDecision decision) {
        TriagePolicy p = facts -> Optional.of(decision);
        Map<String, Object> props = Map.of(DistrictModel.MODEL_PROPERTY, model);
        FIX.whiteboard.addPolicy(p, props);
        undo.add(() -> FIX.whiteboard.removePolicy(p, props));
    }

    private static CaseView report(String tenant, String category, String grid) {
        return FIX.cases.report(tenant, new NewCase("问题上报", null, category, Channel.HOTLINE, null, null, null, grid,
                null, null, List.of(), null), "hotline").kase();
    }

    private static CaseView step(String tenant, UUID id, CaseAction action) {
        return FIX.cases.transition(tenant, id, new TransitionCommand(action, "centre", "说明", List.of(), null,
                List.of(), null, null, null, null));
    }
}
