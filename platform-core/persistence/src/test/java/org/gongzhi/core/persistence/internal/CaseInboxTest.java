package org.gongzhi.core.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.gongzhi.core.casework.CaseAction;
import org.gongzhi.core.casework.CaseStatus;
import org.gongzhi.core.casework.CategoryFamily;
import org.gongzhi.core.casework.Channel;
import org.gongzhi.core.casework.SlaTier;
import org.gongzhi.core.service.Page;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.cases.CaseQuery;
import org.gongzhi.core.service.cases.CaseScope;
import org.gongzhi.core.service.cases.CaseSummary;
import org.gongzhi.core.service.cases.CaseView;
import org.gongzhi.core.service.cases.NewCase;
import org.gongzhi.core.service.cases.TransitionCommand;
import org.gongzhi.plugin.api.DistrictModel;
import org.gongzhi.plugin.api.TriageDecision;
import org.gongzhi.plugin.api.TriagePolicy;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * The dispatcher's inbox on a real PostgreSQL: several statuses, family, tier, due within N hours,
 * a plugin attribute, free text, the two orders and the summary counts, each within the caller's
 * scope. Every test marks its own cases with a word in the title and searches for it, so the tests
 * of this class do not see each other's cases.
 */
public class CaseInboxTest {

    @ClassRule
    public static final PersistenceFixture FIX = new PersistenceFixture();

    private static final String JIZHOU = "jizhou";
    /** Monday 2026-11-02 09:00 in Shanghai. */
    private static final Instant MONDAY = Instant.parse("2026-11-02T01:00:00Z");
    private static final String GRID = "360802001001001";
    private static final String OTHER_STREET_GRID = "360802002001001";

    @Before
    public void monday() {
        FIX.clock.set(MONDAY);
    }

    private static CaseView report(String title, String category, String grid) {
        return FIX.cases.report(JIZHOU, new NewCase(title, null, category, Channel.HOTLINE, null, null, "阳明路 8 号", grid,
                "张三", "13800000000", List.of(), null), "seat").kase();
    }

    private static CaseView step(CaseView c, CaseAction action) {
        return step(c, action, null, null, List.of());
    }

    private static CaseView step(CaseView c, CaseAction action, SlaTier tier, String lead, List<String> co) {
        return FIX.cases.transition(JIZHOU, c.id(), new TransitionCommand(action, "dispatcher", "说明", List.of(), lead, co,
                tier, action == CaseAction.POSTPONE ? 3 : null, action == CaseAction.EVALUATE ? 5 : null, null));
    }

    private static CaseView registered(String title, String category, SlaTier tier) {
        return step(report(title, category, GRID), CaseAction.REGISTER, tier, null, List.of());
    }

    private static CaseView dispatched(String title, String category, SlaTier tier, String lead, List<String> co) {
        return step(registered(title, category, tier), CaseAction.DISPATCH, null, lead, co);
    }

    private static CaseQuery.Builder marked(String marker) {
        return CaseQuery.builder().text(marker).page(0, CaseQuery.MAX_LIMIT);
    }

    private static List<UUID> ids(CaseQuery query) {
        return FIX.cases.list(JIZHOU, query).items().stream().map(CaseView::id).toList();
    }

    @Test
    public void severalStatusesFillOneInbox() {
        String m = "甲一";
        CaseView reported = report(m + "已上报", "CM0101", GRID);
        CaseView registered = registered(m + "已立案", "CM0101", null);
        CaseView dispatched = dispatched(m + "已派遣", "CM0101", null, "CG", List.of());
        CaseView rejected = step(report(m + "不予立案", "CM0101", GRID), CaseAction.REJECT);

        assertThat(ids(marked(m).statuses(Set.of(CaseStatus.REGISTERED, CaseStatus.DISPATCHED)).build()))
                .containsExactlyInAnyOrder(registered.id(), dispatched.id());
        assertThat(ids(marked(m).statuses(Set.of(CaseStatus.REPORTED)).build())).containsExactly(reported.id());
        assertThat(ids(marked(m).build())).containsExactlyInAnyOrder(reported.id(), registered.id(), dispatched.id(),
                rejected.id());
        assertThat(FIX.cases.list(JIZHOU, marked(m).statuses(Set.of(CaseStatus.REGISTERED, CaseStatus.DISPATCHED)).build())
                .total()).isEqualTo(2);
    }

    @Test
    public void familyAndTierFilter() {
        String m = "乙二";
        CaseView rubbish = report(m + "垃圾", "CM0101", GRID);              // city management, simple
        CaseView neighbours = report(m + "邻里", "CG0101", GRID);           // comprehensive governance, simple
        CaseView land = report(m + "山林", "CG0103", GRID);                 // comprehensive governance, difficult
        CaseView pension = report(m + "社保", "LS0101", GRID);              // livelihood, simple
        CaseView coordination = registered(m + "协调", "CM0101", SlaTier.COORDINATION);

        assertThat(ids(marked(m).family(CategoryFamily.COMPREHENSIVE_GOVERNANCE).build()))
                .containsExactlyInAnyOrder(neighbours.id(), land.id());
        assertThat(ids(marked(m).family(CategoryFamily.LIVELIHOOD).build())).containsExactly(pension.id());
        assertThat(ids(marked(m).tier(SlaTier.DIFFICULT).build())).containsExactly(land.id());
        assertThat(ids(marked(m).tier(SlaTier.COORDINATION).build())).containsExactly(coordination.id());
        assertThat(ids(marked(m).family(CategoryFamily.CITY_MANAGEMENT).tier(SlaTier.SIMPLE).build()))
                .containsExactly(rubbish.id());
    }

    @Test
    public void dueWithinKeepsRunningClocksThatAreNotYetOverdue() {
        String m = "丙三";
        CaseView simple = registered(m + "两小时", "CM0101", SlaTier.SIMPLE);            // due 11:00
        CaseView coordination = registered(m + "五个工作日", "CM0101", SlaTier.COORDINATION); // due next Monday
        CaseView postponed = step(dispatched(m + "延期", "CM0101", SlaTier.SIMPLE, "CG", List.of()), CaseAction.POSTPONE);
        CaseView unregistered = report(m + "未立案", "CM0101", GRID);                     // no clock

        assertThat(ids(marked(m).dueWithinHours(3).build())).containsExactly(simple.id());
        assertThat(ids(marked(m).dueWithinHours(24 * 8).build()))
                .containsExactlyInAnyOrder(simple.id(), coordination.id());

        FIX.clock.set(MONDAY.plus(Duration.ofHours(3))); // the simple case is overdue now: no longer "due soon"
        assertThat(ids(marked(m).dueWithinHours(3).build())).isEmpty();
        assertThat(ids(marked(m).overdue(true).build())).containsExactly(simple.id());
        assertThat(ids(marked(m).dueWithinHours(24 * 8).build())).containsExactly(coordination.id());
        assertThat(postponed.status()).isEqualTo(CaseStatus.POSTPONED);
        assertThat(unregistered.dueAt()).isNull();
    }

    @Test
    public void dueOrderPutsTheSoonestFirstAndUndatedCasesLast() {
        String m = "丁四";
        CaseView undated = report(m + "未立案", "CM0101", GRID);
        FIX.clock.set(MONDAY.plus(Duration.ofMinutes(10)));
        CaseView later = registered(m + "协调", "CM0101", SlaTier.COORDINATION);
        FIX.clock.set(MONDAY.plus(Duration.ofMinutes(30)));
        CaseView soonest = registered(m + "简单甲", "CM0101", SlaTier.SIMPLE);
        FIX.clock.set(MONDAY.plus(Duration.ofMinutes(90)));
        CaseView second = registered(m + "简单乙", "CM0101", SlaTier.SIMPLE);
        FIX.clock.set(MONDAY.plus(Duration.ofMinutes(100)));
        CaseView newest = report(m + "最新未立案", "CM0101", GRID);

        assertThat(ids(marked(m).sort(CaseQuery.Sort.DUE).build()))
                .containsExactly(soonest.id(), second.id(), later.id(), newest.id(), undated.id());
        assertThat(ids(marked(m).build())).as("newest reported first by default")
                .containsExactly(newest.id(), second.id(), soonest.id(), later.id(), undated.id());
        assertThat(ids(marked(m).sort(CaseQuery.Sort.DUE).page(1, 2).build())).containsExactly(second.id(), later.id());
    }

    @Test
    public void pluginAttributesFilterByContainment() {
        Map<String, Object> props = Map.of(DistrictModel.MODEL_PROPERTY, "three-colour-grid");
        TriagePolicy colours = facts -> {
            boolean red = facts.categoryCode().startsWith("CG");
            return Optional.of(new TriageDecision(red ? "difficult" : "simple", red ? 0 : 2, red ? 10 : 0, null,
                    List.of(), false, Map.of("colour", red ? "red" : "green", "method", "一网三色")));
        };
        FIX.whiteboard.addPolicy(colours, props);
        String m = "戊五";
        CaseView red;
        CaseView green;
        try {
            red = registered(m + "纠纷", "CG0101", null);
            green = registered(m + "垃圾", "CM0101", null);
        } finally {
            FIX.whiteboard.removePolicy(colours, props);
        }
        CaseView none = registered(m + "无插件", "CG0101", null);
        assertThat(red.triageAttributes()).containsEntry("colour", "red");

        assertThat(ids(marked(m).attribute(new CaseQuery.Attribute("colour", "red")).build())).containsExactly(red.id());
        assertThat(ids(marked(m).attribute(new CaseQuery.Attribute("colour", "green")).build())).containsExactly(green.id());
        assertThat(ids(marked(m).attribute(new CaseQuery.Attribute("method", "一网三色")).build()))
                .containsExactlyInAnyOrder(red.id(), green.id()).doesNotContain(none.id());
        assertThat(ids(marked(m).attribute(new CaseQuery.Attribute("colour", "re")).build())).isEmpty();
        assertThat(ids(marked(m).attribute(new CaseQuery.Attribute("red", "colour")).build())).isEmpty();
        assertThatThrownBy(() -> new CaseQuery.Attribute("colour", " "))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("attribute"));
    }

    @Test
    public void aWordSearchAndTheUnfilteredListCountUpToTheCapAndSaySoWhileNumbersPhonesAndFiltersCountExactly() {
        String m = "庚七" + System.nanoTime() % 100_000; // the fixture's database outlives a run: a marker of its own
        for (int i = 0; i < 3; i++) {
            report(m + "路灯不亮", "CM0101", GRID);
        }
        report(m + "路灯倒伏", "CG0101", GRID);
        FIX.cases.countCap(3);
        try {
            Page<CaseView> capped = FIX.cases.list(JIZHOU, marked(m).page(0, 2).build());
            assertThat(capped.totalExact()).as("4 matches, cap 3").isFalse();
            assertThat(capped.total()).isEqualTo(3);
            assertThat(capped.items()).hasSize(2);
            assertThat(FIX.cases.list(JIZHOU, marked(m + "路灯").build()).totalExact()).isFalse();
            assertThat(FIX.cases.count(JIZHOU, marked(m).build())).as("the export's count is exact").isEqualTo(4);

            Page<CaseView> atTheCap = FIX.cases.list(JIZHOU, marked(m).category("CM0101").build());
            assertThat(atTheCap.totalExact()).isTrue();
            assertThat(atTheCap.total()).isEqualTo(3);
            assertThat(atTheCap.items()).hasSize(3);

            CaseQuery phone = CaseQuery.builder().text("13800000000").build();
            Page<CaseView> byPhone = FIX.cases.list(JIZHOU, phone);
            assertThat(byPhone.totalExact()).as("a phone is counted exactly").isTrue();
            assertThat(byPhone.total()).isGreaterThan(3).isEqualTo(FIX.cases.count(JIZHOU, phone));
            Page<CaseView> byNumber = FIX.cases.list(JIZHOU, CaseQuery.builder().text("360802-").build());
            assertThat(byNumber.totalExact()).as("a number's start is counted exactly").isTrue();
            assertThat(byNumber.total()).isGreaterThan(3);
            Page<CaseView> filtered = FIX.cases.list(JIZHOU, CaseQuery.builder().category("CM0101").build());
            assertThat(filtered.totalExact()).as("filters without q are counted exactly").isTrue();
            assertThat(filtered.total()).isGreaterThan(3);

            Page<CaseView> everything = FIX.cases.list(JIZHOU, CaseQuery.builder().page(0, 2).build());
            assertThat(everything.totalExact()).as("no filter: the whole district, capped").isFalse();
            assertThat(everything.total()).isEqualTo(3);
            assertThat(everything.items()).hasSize(2);
            assertThat(FIX.cases.count(JIZHOU, CaseQuery.builder().build())).isGreaterThan(3);
        } finally {
            FIX.cases.countCap(CaseQuery.COUNT_CAP);
        }
    }

    @Test
    public void textSearchesTheNumberFromItsStartTitleAddressAndWholePhoneButNotTheReporterName() {
        CaseView c = FIX.cases.report(JIZHOU, new NewCase("己六井盖缺失", null, "CM0101", Channel.HOTLINE, null, null,
                "庐陵大道 100% 号_东 B座", GRID, "欧阳修", "13912345678", List.of(), null), "seat").kase();

        assertThat(ids(CaseQuery.builder().text("己六井盖").build())).containsExactly(c.id());
        assertThat(ids(CaseQuery.builder().text(c.number()).build())).containsExactly(c.id());
        assertThat(ids(CaseQuery.builder().text(c.number().substring(0, 15)).build())).contains(c.id());
        assertThat(ids(CaseQuery.builder().text(c.number().substring(7)).build())).as("the number from its start only")
                .doesNotContain(c.id());
        assertThat(ids(CaseQuery.builder().text("100% 号_东").build())).containsExactly(c.id());
        assertThat(ids(CaseQuery.builder().text("庐陵大道 1_0").build())).as("_ is no wildcard").isEmpty();
        assertThat(ids(CaseQuery.builder().text("大道%号").build())).as("% is no wildcard").isEmpty();
        assertThat(ids(CaseQuery.builder().text("庐").build())).contains(c.id());
        assertThat(ids(CaseQuery.builder().text("井盖").build())).as("two characters of the title").contains(c.id());
        assertThat(ids(CaseQuery.builder().text("大道").build())).as("two characters of the address").contains(c.id());
        assertThat(ids(CaseQuery.builder().text("失庐").build())).as("never across title and address").isEmpty();
        assertThat(ids(CaseQuery.builder().text("b座").build())).as("any letter case").containsExactly(c.id());
        assertThat(ids(CaseQuery.builder().text("陵大道 100").build())).containsExactly(c.id());
        assertThat(ids(CaseQuery.builder().text("欧阳修").build())).as("never the reporter's name").isEmpty();
        assertThat(ids(CaseQuery.builder().text("13912345678").build())).as("the reporter's whole phone (V28)")
                .containsExactly(c.id());
        assertThat(ids(CaseQuery.builder().text("1391234").build())).as("never a part of the phone").isEmpty();
        assertThat(ids(CaseQuery.builder().text("100").build())).as("digits are a case number's start")
                .doesNotContain(c.id());
        assertThatThrownBy(() -> CaseQuery.builder().text("长".repeat(CaseQuery.MAX_TEXT + 1)).build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("q"));
        assertThatThrownBy(() -> CaseQuery.builder().dueWithinHours(0).build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("dueWithin"));
    }

    @Test
    public void summaryCountsTheInboxWithinTheScope() {
        String m = "庚七";
        report(m + "已上报", "CM0101", GRID);
        report(m + "另一街道", "CM0101", OTHER_STREET_GRID);
        step(report(m + "不予立案", "CM0101", GRID), CaseAction.REJECT);
        registered(m + "两小时", "CM0101", SlaTier.SIMPLE);                              // due 11:00, warning 10:36
        dispatched(m + "协调", "CM0101", SlaTier.COORDINATION, "SJ", List.of("CG"));    // due next Monday
        step(step(dispatched(m + "延期", "CM0101", SlaTier.SIMPLE, "CG", List.of()), CaseAction.ACCEPT),
                CaseAction.POSTPONE);
        FIX.clock.set(MONDAY.plus(Duration.ofMinutes(30)));
        registered(m + "半小时后立案", "CM0101", SlaTier.SIMPLE);                         // due 11:30, warning 11:06
        FIX.clock.set(MONDAY.plus(Duration.ofMinutes(115)));                             // 10:55

        CaseSummary all = FIX.cases.summary(JIZHOU, marked(m).build(), 1);
        assertThat(all.open()).as("the rejected case is not counted").isEqualTo(6);
        assertThat(all.byStatus()).containsEntry(CaseStatus.REPORTED, 2L).containsEntry(CaseStatus.REGISTERED, 2L)
                .containsEntry(CaseStatus.DISPATCHED, 1L).containsEntry(CaseStatus.POSTPONED, 1L)
                .containsEntry(CaseStatus.HANDLING, 0L).doesNotContainKeys(CaseStatus.CLOSED, CaseStatus.REJECTED);
        assertThat(all.overdue()).isZero();
        assertThat(all.warning()).as("past 10:36, not yet due").isEqualTo(1);
        assertThat(all.dueSoon()).as("due before 11:55: both simple cases").isEqualTo(2);
        assertThat(all.dueWithinHours()).isEqualTo(1);

        FIX.clock.set(MONDAY.plus(Duration.ofMinutes(125)));                             // 11:05
        CaseSummary later = FIX.cases.summary(JIZHOU, marked(m).build(), 24);
        assertThat(later.overdue()).isEqualTo(1);
        assertThat(later.dueSoon()).isEqualTo(1);
        assertThat(later.warning()).isZero();

        // a department handler of CG sees the case it co-handles and the one it leads, no other
        CaseSummary cg = FIX.cases.summary(JIZHOU, marked(m).scope(CaseScope.nothing().withDepartment("CG")).build(), 24);
        assertThat(cg.open()).isEqualTo(2);
        assertThat(cg.byStatus()).containsEntry(CaseStatus.DISPATCHED, 1L).containsEntry(CaseStatus.POSTPONED, 1L);
        // a grid worker of the other street sees only the case reported there
        CaseSummary street = FIX.cases.summary(JIZHOU,
                marked(m).scope(CaseScope.nothing().withGrids(Set.of("360802002"))).build(), 24);
        assertThat(street.open()).isEqualTo(1);
        assertThat(ids(marked(m).scope(CaseScope.nothing().withDepartment("CG"))
                .statuses(Set.of(CaseStatus.DISPATCHED, CaseStatus.HANDLING)).build())).hasSize(1);
        // the summary ignores the query's statuses and page
        assertThat(FIX.cases.summary(JIZHOU, marked(m).statuses(Set.of(CaseStatus.CLOSED)).page(3, 1).build(), 24).open())
                .isEqualTo(6);
        assertThatThrownBy(() -> FIX.cases.summary(JIZHOU, marked(m).build(), 0))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("dueWithin"));
    }
}
