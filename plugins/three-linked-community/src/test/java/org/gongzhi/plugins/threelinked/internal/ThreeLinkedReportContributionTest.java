package org.gongzhi.plugins.threelinked.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.gongzhi.plugin.api.ReportContribution;
import org.gongzhi.plugin.api.ReportSection;
import org.gongzhi.plugin.api.ReportTable;
import org.gongzhi.plugin.tck.FixedPluginTenants;
import org.junit.Before;
import org.junit.Test;

/**
 * The report section over a scenario run through the books, computed by hand:
 * <pre>
 * 10-08  need-1 Yanghe collected (stays collected); need-2, need-3 (社区养老), need-4 (社会救助) Jianxin collected,
 *        need-6 unlocated collected (a case located only to its street)
 * 10-20  Jianxin's Q4 meeting takes every item on; order o1 = need-2 + need-3 published
 * 11-01  o1 taken (need-2, need-3 matched)   11-20 o1 delivered to 12 people   11-21 o1 rated 5
 * 11-21  o2 = need-4 published   12-31 23:00 CST o2 taken (need-4 matched in Q4)
 * 2027-01-01 00:30 CST need-5 Yanghe collected   2027-01-05 o2 delivered to 3 people, not rated
 * loan   建新社区活动室 (Jianxin) 120.5 m², 2026-01-01 – 2026-12-31
 * social workers  S1 intermediate 2020-06-30, S2 assistant 2026-12-31, S3 senior 2027-01-01
 *
 * 2026-Q4   Jianxin 3 collected, 3 matched, 1 delivered, 12 people, 1 rating, 5.0
 *           Yanghe  1 collected · unlocated 1 collected
 *           district 5 collected, 3 matched, 1 delivered, 12 people, 1 rating 5.0; 1 loan 120.5 m²;
 *           workers by 12-31: S1, S2 = 2 (assistant 1, intermediate 1, senior 0)
 * 2027-01   Jianxin 1 delivered, 3 people · Yanghe 1 collected; no loan; workers 3
 * </pre>
 */
public class ThreeLinkedReportContributionTest {

    private final Scenario s = new Scenario();
    private final ThreeLinkedReportContribution contribution = new ThreeLinkedReportContribution(s.storage,
            FixedPluginTenants.builder().tenant(Scenario.TENANT, ThreeLinkedModel.ID).tenant("donghu").build());

    @Before
    public void scenario() {
        s.organisation();
        s.worker("S1", CertificateLevel.INTERMEDIATE, "2020-06-30");
        s.worker("S2", CertificateLevel.ASSISTANT, "2026-12-31");
        s.worker("S3", CertificateLevel.SENIOR, "2027-01-01");
        s.books.registry().lend(new FacilityLoan(null, 0, "建新社区活动室", Scenario.JIANXIN, 120.5, Scenario.ORG,
                LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31")));
        s.collect(Scenario.YANGHE, "社区融合", Urgency.NORMAL);                       // need-1
        s.books.needs().create(Need.collected("need-6", NeedBook.UNLOCATED, null, null, "LS0101", "咨询社保",
                NeedChannel.ONLINE, Urgency.NORMAL, s.now(), "case-1"));
        s.decidedMeeting(Scenario.JIANXIN, "社区养老", "社区养老", "社会救助");          // need-2, need-3, need-4
        OrderBook orders = s.books.orders();
        ServiceOrder o1 = orders.publish(List.of("need-2", "need-3"), "独居老人助餐服务", null, null);
        s.clock.set("2026-11-01T02:00:00Z");
        orders.take(o1.id(), "organisation", Scenario.ORG);
        s.clock.set("2026-11-20T02:00:00Z");
        orders.deliver(o1.id(), "每周三次送餐上门", 12);
        s.clock.set("2026-11-21T02:00:00Z");
        orders.rate(o1.id(), 5, "resident", null);
        ServiceOrder o2 = orders.publish(List.of("need-4"), "困难家庭临时救助对接", null, null);
        s.clock.set("2026-12-31T15:00:00Z");
        orders.take(o2.id(), "social-worker", "S1");
        s.clock.set("2026-12-31T16:30:00Z");
        s.collect(Scenario.YANGHE, "社区融合", Urgency.NORMAL);                       // need-5
        s.clock.set("2027-01-05T02:00:00Z");
        orders.deliver(o2.id(), "链接临时救助", 3);
    }

    private ReportSection only(String kind, String from, String to) {
        List<ReportSection> sections = contribution.sections(Scenario.TENANT, kind, LocalDate.parse(from),
                LocalDate.parse(to));
        assertThat(sections).hasSize(1);
        return sections.get(0);
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    @Test
    public void perCommunityFiguresAndDistrictTotals() {
        ReportSection q4 = only(ReportContribution.QUARTERLY, "2026-10-01", "2027-01-01");

        assertThat(q4.headingZh()).isEqualTo("三联工作情况");
        assertThat(q4.table().columns()).extracting(ReportTable.Column::labelZh).containsExactly("社区编码", "收集需求",
                "供需对接", "完成服务单", "受益人次", "评价次数", "平均评价（5分制）");
        assertThat(q4.table().columns()).extracting(ReportTable.Column::type).containsExactly(ReportTable.Type.TEXT,
                ReportTable.Type.INTEGER, ReportTable.Type.INTEGER, ReportTable.Type.INTEGER, ReportTable.Type.INTEGER,
                ReportTable.Type.INTEGER, ReportTable.Type.DECIMAL);
        assertThat(q4.table().rows()).containsExactly(
                row(Scenario.JIANXIN, 3, 3, 1, 12, 1, 5.0),
                row(Scenario.YANGHE, 1, 0, 0, 0, 0, null),
                row("未定位社区", 1, 0, 0, 0, 0, null));
        assertThat(q4.paragraphs().get(0)).isEqualTo("2026年第四季度，全区收集居民需求 5 项，供需对接 3 项，"
                + "社会组织和社会工作者完成专业服务 1 单、受益 12 人次；服务评价 1 次，平均 5 分（5 分制）。");
        assertThat(q4.paragraphs().get(1)).isEqualTo("联资源：向社会组织、社工机构提供社区综合服务设施 1 处、120.5 平方米；"
                + "持证社会工作者 2 人（助理社会工作师 1 人、社会工作师 1 人、高级社会工作师 0 人）。");
        assertThat(q4.paragraphs()).hasSize(3);
    }

    @Test
    public void theNextMonthSeesOnlyItsOwnSteps() {
        ReportSection january = only(ReportContribution.MONTHLY, "2027-01-01", "2027-02-01");

        assertThat(january.table().rows()).containsExactly(
                row(Scenario.JIANXIN, 0, 0, 1, 3, 0, null),
                row(Scenario.YANGHE, 1, 0, 0, 0, 0, null));
        assertThat(january.paragraphs().get(0)).isEqualTo("2027年1月，全区收集居民需求 1 项，供需对接 0 项，"
                + "社会组织和社会工作者完成专业服务 1 单、受益 3 人次；本期暂无服务评价。");
        assertThat(january.paragraphs().get(1)).contains("设施 0 处、0 平方米").contains("持证社会工作者 3 人");
    }

    @Test
    public void aPeriodWithOnlyALoanRunningHasNothingToReport() {
        ReportSection march = only(ReportContribution.MONTHLY, "2026-03-01", "2026-04-01");
        assertThat(march.table()).isNull();
        assertThat(march.paragraphs()).containsExactly("本期无数据 (no data for this period)");
    }

    @Test
    public void noPersonalData() {
        ReportSection q4 = only(ReportContribution.HALF_YEAR, "2026-07-01", "2027-01-01");
        assertThat(q4.toString()).doesNotContain("13800000000").doesNotContain("居民1").doesNotContain("居民2")
                .doesNotContain("社工S1");
    }

    @Test
    public void readsOnlyForTenantsThatEnabledTheModel() {
        assertThat(contribution.sections("donghu", ReportContribution.QUARTERLY, LocalDate.parse("2026-10-01"),
                LocalDate.parse("2027-01-01"))).isEmpty();
        assertThat(s.storage.records("donghu", ThreeLinkedModel.ID)).isEmpty();
    }

    @Test
    public void periodsAreNamedAsReportsNameThem() {
        assertThat(ThreeLinkedReportContribution.periodZh(LocalDate.parse("2026-07-01"), LocalDate.parse("2027-01-01")))
                .isEqualTo("2026年下半年");
        assertThat(ThreeLinkedReportContribution.periodZh(LocalDate.parse("2026-01-01"), LocalDate.parse("2027-01-01")))
                .isEqualTo("2026年");
        assertThat(ThreeLinkedReportContribution.periodZh(LocalDate.parse("2026-11-15"), LocalDate.parse("2026-12-15")))
                .isEqualTo("2026年11月15日至2026年12月14日");
    }
}
