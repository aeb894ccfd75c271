package org.gongzhi.core.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.gongzhi.core.calendar.SlaState;
import org.gongzhi.core.casework.CaseAction;
import org.gongzhi.core.casework.CaseStatus;
import org.gongzhi.core.casework.Channel;
import org.gongzhi.core.casework.IllegalTransitionException;
import org.gongzhi.core.casework.SlaTier;
import org.gongzhi.core.service.ConflictException;
import org.gongzhi.core.service.NotFoundException;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.cases.CaseQuery;
import org.gongzhi.core.service.cases.CaseScope;
import org.gongzhi.core.service.cases.CaseView;
import org.gongzhi.core.service.cases.IntakeResult;
import org.gongzhi.core.service.cases.JournalEntry;
import org.gongzhi.core.service.cases.NewCase;
import org.gongzhi.core.service.cases.TransitionCommand;
import org.hibernate.stat.Statistics;
import org.junit.ClassRule;
import org.junit.Test;

public class HibernateCaseServiceTest {

    @ClassRule
    public static final PersistenceFixture FIX = new PersistenceFixture();

    static final String JIZHOU = "jizhou";
    static final String GRID = "360802001001001";

    static NewCase newCase(String key) {
        return new NewCase("路边垃圾堆积", null, "CM0101", Channel.GRID_WORKER, 114.927, 27.08, "阳明路", null,
                "张三", "13800000000", List.of(), key);
    }

    static TransitionCommand cmd(CaseAction action) {
        return new TransitionCommand(action, "tester", "说明", List.of(), null, List.of(), null, null, null, null);
    }

    @Test
    public void intakeLocatesTheGridAndIsIdempotent() {
        IntakeResult first = FIX.cases.report(JIZHOU, newCase("idem-1"), "gw-1");
        IntakeResult again = FIX.cases.report(JIZHOU, newCase("idem-1"), "gw-1");
        assertThat(first.created()).isTrue();
        assertThat(again.created()).isFalse();
        assertThat(again.kase().id()).isEqualTo(first.kase().id());
        assertThat(first.kase().gridCode()).isEqualTo(GRID);
        assertThat(first.kase().number()).startsWith("360802-20261102-");
        assertThat(first.kase().tier()).isEqualTo(SlaTier.SIMPLE);
    }

    @Test
    public void idempotencyKeysBelongToTheirScope() {
        IntakeResult mine = FIX.cases.report(JIZHOU, newCase("scoped-1"), "resident1", "sub-1", "subject:sub-1");
        IntakeResult theirs = FIX.cases.report(JIZHOU, newCase("scoped-1"), "resident2", "sub-2", "subject:sub-2");
        IntakeResult hotline = FIX.cases.report(JIZHOU, newCase("hotline:12345"), "12345热线");
        IntakeResult posing = FIX.cases.report(JIZHOU, newCase("hotline:12345"), "resident2", "sub-2", "subject:sub-2");
        assertThat(theirs.created()).isTrue();
        assertThat(theirs.kase().id()).isNotEqualTo(mine.kase().id());
        assertThat(posing.created()).isTrue();
        assertThat(posing.kase().id()).isNotEqualTo(hotline.kase().id());
        assertThat(FIX.cases.report(JIZHOU, newCase("scoped-1"), "resident1", "sub-1", "subject:sub-1").kase().id())
                .isEqualTo(mine.kase().id());
        assertThat(FIX.cases.report(JIZHOU, newCase("hotline:12345"), "12345热线").created()).isFalse();
    }

    @Test
    public void registerStartsTheSlaClockOnTheWorkingDayCalendar() {
        UUID id = FIX.cases.report(JIZHOU, newCase(null), "gw").kase().id();
        TransitionCommand register = new TransitionCommand(CaseAction.REGISTER, "centre", null, List.of(), null,
                List.of(), SlaTier.COORDINATION, null, null, null);
        CaseView v = FIX.cases.transition(JIZHOU, id, register);
        // registered Monday 2026-11-02 09:00 Shanghai; 5 working days, start day not counted: due Monday 11-09 24:00
        assertThat(v.dueAt()).isEqualTo(Instant.parse("2026-11-09T16:00:00Z"));
        assertThat(v.sla()).isEqualTo(SlaState.ON_TIME);
        assertThat(v.status()).isEqualTo(CaseStatus.REGISTERED);
    }

    @Test
    public void otherDistrictsCannotReachACase() {
        UUID id = FIX.cases.report(JIZHOU, newCase(null), "gw").kase().id();
        assertThatThrownBy(() -> FIX.cases.get("donghu", id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> FIX.cases.transition("donghu", id, cmd(CaseAction.REGISTER)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> FIX.cases.journal("donghu", id)).isInstanceOf(NotFoundException.class);
        assertThat(FIX.cases.list("donghu", new CaseQuery(null, null, null, null, null, null, null, null, 0, 200)).items())
                .extracting(CaseView::id).doesNotContain(id);
        assertThat(FIX.cases.get(JIZHOU, id).status()).isEqualTo(CaseStatus.REPORTED);
    }

    @Test
    public void theLoadThatBypassesTheTenantFilterChecksTheTenantAndPutsTheFilterBack() {
        UUID id = FIX.cases.report(JIZHOU, newCase(null), "gw").kase().id();
        FIX.db.inTenant("donghu", s -> {
            assertThatThrownBy(() -> CaseSteps.load(s, id)).isInstanceOf(NotFoundException.class);
            assertThat(s.getEnabledFilter(TenantFilter.NAME)).isNotNull();
            assertThat(s.createSelectionQuery("select c.id from CaseEntity c where c.id = :id", UUID.class)
                    .setParameter("id", id).getResultList()).isEmpty();
            return null;
        });
        FIX.db.inTenant(JIZHOU, s -> assertThat(CaseSteps.load(s, id).id).isEqualTo(id));
    }

    @Test
    public void illegalTransitionsAndStaleVersionsChangeNothing() {
        UUID id = FIX.cases.report(JIZHOU, newCase(null), "gw").kase().id();
        assertThatThrownBy(() -> FIX.cases.transition(JIZHOU, id, cmd(CaseAction.CLOSE)))
                .isInstanceOf(IllegalTransitionException.class);
        TransitionCommand stale = new TransitionCommand(CaseAction.REGISTER, "c", null, List.of(), null, List.of(),
                null, null, null, 7L);
        assertThatThrownBy(() -> FIX.cases.transition(JIZHOU, id, stale)).isInstanceOf(ConflictException.class);
        assertThat(FIX.cases.journal(JIZHOU, id)).hasSize(1);
        assertThat(FIX.cases.get(JIZHOU, id).version()).isZero();
    }

    @Test
    public void dispatchChecksDepartmentsAndListFiltersByThem() {
        UUID id = FIX.cases.report(JIZHOU, newCase(null), "gw").kase().id();
        FIX.cases.transition(JIZHOU, id, cmd(CaseAction.REGISTER));
        TransitionCommand unknown = new TransitionCommand(CaseAction.DISPATCH, "c", null, List.of(), "NOPE", List.of(),
                null, null, null, null);
        assertThatThrownBy(() -> FIX.cases.transition(JIZHOU, id, unknown))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("leadDepartment"));
        TransitionCommand dispatch = new TransitionCommand(CaseAction.DISPATCH, "c", null, List.of(), "CG", List.of("SJ"),
                null, null, null, null);
        FIX.cases.transition(JIZHOU, id, dispatch);
        CaseQuery bySj = new CaseQuery(null, "360802001", "SJ", null, null, null, null, null, 0, 200);
        assertThat(FIX.cases.list(JIZHOU, bySj).items()).extracting(CaseView::id).contains(id);
        CaseQuery otherStreet = new CaseQuery(null, "360802002", "SJ", null, null, null, null, null, 0, 200);
        assertThat(FIX.cases.list(JIZHOU, otherStreet).items()).extracting(CaseView::id).doesNotContain(id);
    }

    @Test
    public void aResidentsReportIsPublicOnlyWhenTheyAgreed() {
        NewCase agreed = new NewCase("路灯不亮", "人民路 3 号", "CM0101", Channel.RESIDENT_APP, 114.927, 27.08, null, null,
                null, "13800138000", List.of(), null, null, null, true);
        NewCase notAsked = new NewCase("路灯不亮", "人民路 3 号", "CM0101", Channel.QR_CODE, 114.927, 27.08, null, null,
                null, "13800138000", List.of(), null, null, null, null);
        NewCase gridWorker = new NewCase("路灯不亮", "人民路 3 号", "CM0101", Channel.GRID_WORKER, 114.927, 27.08, null, null,
                null, null, List.of(), null, null, null, true);
        assertThat(FIX.cases.report(JIZHOU, agreed, "resident:a", "resident:a").kase().publicCase()).isTrue();
        assertThat(FIX.cases.report(JIZHOU, notAsked, "resident:a", "resident:a").kase().publicCase()).isFalse();
        assertThat(FIX.cases.report(JIZHOU, gridWorker, "gw").kase().publicCase())
                .as("consent only counts for the resident channels").isFalse();
    }

    @Test
    public void onlyOpen311CasesArePublicAndThePublicScopeSeesNoOther() {
        NewCase viaOpen311 = new NewCase("路灯不亮", "人民路 3 号路灯不亮", "CM0101", Channel.OPEN311, 114.927, 27.08, null, null,
                "李四", null, List.of(), null, "li.si@example.cn", "ADDR-0042");
        CaseView open311 = FIX.cases.report(JIZHOU, viaOpen311, "open311:app").kase();
        CaseView hotline = FIX.cases.report(JIZHOU, new NewCase("路灯不亮", null, "CM0101", Channel.HOTLINE, 114.927, 27.08,
                null, null, "王五", "13900000000", List.of(), null), "hotline:import").kase();
        CaseView grid = FIX.cases.report(JIZHOU, newCase(null), "gw").kase();
        assertThat(open311.publicCase()).isTrue();
        assertThat(open311.reporterEmail()).isEqualTo("li.si@example.cn");
        assertThat(open311.addressId()).isEqualTo("ADDR-0042");
        assertThat(hotline.publicCase()).isFalse();
        assertThat(grid.publicCase()).isFalse();
        assertThat(FIX.cases.get(JIZHOU, open311.id()).reporterEmail()).isEqualTo("li.si@example.cn");

        CaseQuery everything = new CaseQuery(null, null, null, null, null, null, null, null, 0, 200);
        List<UUID> shown = FIX.cases.list(JIZHOU, everything.within(CaseScope.publicOnly())).items().stream()
                .map(CaseView::id).toList();
        assertThat(shown).contains(open311.id()).doesNotContain(hotline.id(), grid.id());
        assertThat(FIX.cases.list(JIZHOU, everything.within(CaseScope.publicOnly())).items())
                .allSatisfy(c -> assertThat(c.publicCase()).isTrue());
        assertThat(FIX.cases.list(JIZHOU, everything).items()).extracting(CaseView::id).contains(hotline.id(), grid.id());
    }

    @Test
    public void malformedEmailIsRefusedNamingTheField() {
        NewCase bad = new NewCase("路灯不亮", null, "CM0101", Channel.OPEN311, null, null, "人民路", null, null, null, List.of(), null,
                "not an address", null);
        assertThatThrownBy(() -> FIX.cases.report(JIZHOU, bad, "open311:app"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("reporterEmail"));
    }

    @Test
    public void notesAreInternalUnlessWrittenForThePublic() {
        UUID id = FIX.cases.report(JIZHOU, newCase(null), "gw").kase().id();
        FIX.cases.transition(JIZHOU, id, new TransitionCommand(CaseAction.REGISTER, "centre", "内部：张三家门口", List.of(),
                null, List.of(), null, null, null, null, "已受理，将尽快处置"));
        FIX.cases.transition(JIZHOU, id, new TransitionCommand(CaseAction.REJECT, "centre", "重复上报，同 0001 号", List.of(),
                null, List.of(), null, null, null, null, null));
        List<JournalEntry> journal = FIX.cases.journal(JIZHOU, id);
        assertThat(journal).extracting(JournalEntry::publicNote).containsExactly(null, "已受理，将尽快处置", null);
        assertThat(journal.get(1).note()).isEqualTo("内部：张三家门口");
    }

    @Test
    public void aCommentIsAcceptedInAnyStatusAndChangesNothing() {
        UUID id = FIX.cases.report(JIZHOU, newCase(null), "gw").kase().id();
        FIX.cases.transition(JIZHOU, id, cmd(CaseAction.REJECT));
        CaseView rejected = FIX.cases.get(JIZHOU, id);
        CaseView commented = FIX.cases.transition(JIZHOU, id, new TransitionCommand(CaseAction.COMMENT, "open311:app", null,
                List.of(), null, List.of(), null, null, null, null, "还是没人管"));
        assertThat(commented.status()).isEqualTo(CaseStatus.REJECTED);
        assertThat(commented.closedAt()).isEqualTo(rejected.closedAt());
        JournalEntry last = FIX.cases.journal(JIZHOU, id).get(2);
        assertThat(last.action()).isEqualTo(CaseAction.COMMENT);
        assertThat(last.from()).isEqualTo(CaseStatus.REJECTED);
        assertThat(last.to()).isEqualTo(CaseStatus.REJECTED);
        assertThat(last.publicNote()).isEqualTo("还是没人管");
        assertThat(last.note()).isNull();

        assertThatThrownBy(() -> FIX.cases.transition(JIZHOU, id, new TransitionCommand(CaseAction.COMMENT, "c", " ",
                List.of(), null, List.of(), null, null, null, null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("note"));
        assertThatThrownBy(() -> FIX.cases.transition(JIZHOU, id, new TransitionCommand(CaseAction.COMMENT, "c", null,
                List.of(), null, List.of(), null, null, null, null, "长".repeat(org.gongzhi.core.casework.workflow.CaseIntake.MAX_PUBLIC_NOTE + 1))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("publicNote"));
        assertThat(FIX.cases.journal(JIZHOU, id)).hasSize(3);
    }

    @Test
    public void aStepReadsTheCaseOnceForTheCallersCheckAndTheStep() {
        UUID id = FIX.cases.report(JIZHOU, newCase(null), "gw-1").kase().id();
        Statistics stats = FIX.db.statistics();
        stats.clear();
        stats.setStatisticsEnabled(true);
        try {
            List<CaseView> admitted = new java.util.ArrayList<>();
            CaseView v = FIX.cases.transition(JIZHOU, id, cmd(CaseAction.REGISTER), admitted::add);
            assertThat(admitted).extracting(CaseView::status).containsExactly(CaseStatus.REPORTED);
            assertThat(v.status()).isEqualTo(CaseStatus.REGISTERED);
            assertThat(stats.getEntityStatistics(CaseEntity.class.getName()).getLoadCount())
                    .as("one read of the case row for the check and the step").isEqualTo(1);
        } finally {
            stats.setStatisticsEnabled(false);
        }
    }

    @Test
    public void aCallerWhoMayNotActChangesNothing() {
        UUID id = FIX.cases.report(JIZHOU, newCase(null), "gw-1").kase().id();
        assertThatThrownBy(() -> FIX.cases.transition(JIZHOU, id, cmd(CaseAction.REGISTER), c -> {
            throw new NotFoundException("案件不存在 (no such case): " + c.id());
        })).isInstanceOf(NotFoundException.class);
        // the caller's check comes before the input's: a refused caller learns nothing of the step's input
        assertThatThrownBy(() -> FIX.cases.transition(JIZHOU, id, new TransitionCommand(CaseAction.REGISTER, "t", null,
                List.of("ftp://x"), null, List.of(), null, null, null, null), c -> {
            throw new NotFoundException("no");
        })).isInstanceOf(NotFoundException.class);
        assertThat(FIX.cases.get(JIZHOU, id).status()).isEqualTo(CaseStatus.REPORTED);
        assertThat(FIX.cases.journal(JIZHOU, id)).hasSize(1);
    }
}
