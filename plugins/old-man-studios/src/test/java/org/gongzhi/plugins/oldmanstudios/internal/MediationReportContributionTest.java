package org.gongzhi.plugins.oldmanstudios.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.gongzhi.plugin.api.PluginRecord;
import org.gongzhi.plugin.api.ReportContribution;
import org.gongzhi.plugin.api.ReportSection;
import org.gongzhi.plugin.api.ReportTable;
import org.gongzhi.plugin.tck.FixedPluginTenants;
import org.junit.Before;
import org.junit.Test;

/**
 * The report section over the fixture of {@link FiguresServiceTest} (computed by hand in {@link FiguresTest}):
 * <pre>
 * 2026-03-01 – 2026-05-31  studio A 5 outcomes, 4 agreements, 0.8, mean 5.25, median 5 · studio B none (not listed)
 *                          org P 3 outcomes, 2 agreements, 0.6667, mean 6, median 6
 *                          district 8 outcomes: 6 agreed, 1 failed, 1 escalated, 75 %, mean 5.5, median 5; 9 registered
 * 2026-Q2                  studio A d4 (1 day), d5 (7), June d (9): 3 of 3, 1.0, mean 17/3 = 5.67, median 7
 *                          org P as above; district 6 outcomes: 5 agreed, 1 escalated, 5/6 = 83.3 %,
 *                          days 1 2 7 9 10: mean 5.8, median 7; registered 04-01 04-03 05-01 05-02 05-03 05-20 06-01 = 7
 * </pre>
 */
public class MediationReportContributionTest {

    private final Fixture f = new Fixture();
    private final MediationReportContribution contribution = new MediationReportContribution(f.storage,
            FixedPluginTenants.builder().tenant(Fixture.TENANT, OldManStudiosModel.ID).tenant("jizhou").build());

    @Before
    public void mediate() {
        f.studio("扬子洲村老倌俚工作室", Fixture.YANGZIZHOU_VILLAGE, "熊老伯");
        f.studio("新洲村老倌俚工作室", Fixture.XINZHOU_VILLAGE, "万老伯");
        f.organisation("东湖物业纠纷调解中心", "property");
        f.expert("刘法官", "law");

        agreed(Fixture.YANGZIZHOU_GRID, "2026-03-01", "2026-03-04", "熊老伯");
        agreed(Fixture.YANGZIZHOU_GRID, "2026-03-02", "2026-03-12", "熊老伯");
        f.fail(mediated(Fixture.YANGZIZHOU_GRID, "2026-03-05", "熊老伯"), "2026-03-20");
        agreed(Fixture.YANGZIZHOU_GRID, "2026-04-01", "2026-04-02", "熊老伯");
        agreed(Fixture.YANGZIZHOU_GRID, "2026-04-03", "2026-04-10", "熊老伯");
        agreed(Fixture.DIESHAN_GRID, "2026-05-01", "2026-05-11", "物业调解员");
        f.escalate(mediated(Fixture.DIESHAN_GRID, "2026-05-02", "物业调解员"), "court", "2026-05-06", null);
        agreed(Fixture.DIESHAN_GRID, "2026-05-03", "2026-05-05", "物业调解员");
        mediated(Fixture.YANGZIZHOU_GRID, "2026-05-20", "熊老伯");
        agreed(Fixture.YANGZIZHOU_GRID, "2026-06-01", "2026-06-10", "熊老伯");
    }

    private PluginRecord mediated(String grid, String registeredOn, String mediator) {
        PluginRecord d = f.register(grid, grid.equals(Fixture.DIESHAN_GRID) ? "property" : "neighbour", registeredOn);
        f.assign(d);
        return f.session(d, registeredOn, mediator);
    }

    private void agreed(String grid, String registeredOn, String on, String mediator) {
        f.agree(mediated(grid, registeredOn, mediator), on);
    }

    private ReportSection only(String kind, String from, String to) {
        List<ReportSection> sections = contribution.sections(Fixture.TENANT, kind, LocalDate.parse(from), LocalDate.parse(to));
        assertThat(sections).hasSize(1);
        return sections.get(0);
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    @Test
    public void perStudioAndOrganisationWithTheDistrictTotalsInAParagraph() {
        ReportSection s = only(ReportContribution.QUARTERLY, "2026-03-01", "2026-06-01");

        assertThat(s.headingZh()).isEqualTo("老倌俚工作室调解情况");
        assertThat(s.table().columns()).extracting(ReportTable.Column::labelZh).containsExactly("名称", "类型",
                "有调解结果的纠纷", "达成协议", "调解成功率", "平均达成协议天数", "达成协议天数中位数");
        assertThat(s.table().columns()).extracting(ReportTable.Column::type).containsExactly(ReportTable.Type.TEXT,
                ReportTable.Type.TEXT, ReportTable.Type.INTEGER, ReportTable.Type.INTEGER, ReportTable.Type.PERCENT,
                ReportTable.Type.DECIMAL, ReportTable.Type.DECIMAL);
        assertThat(s.table().rows()).containsExactly(
                row("扬子洲村老倌俚工作室", "老倌俚工作室", 5L, 4L, 0.8, 5.25, 5.0),
                row("东湖物业纠纷调解中心", "第三方调解组织", 3L, 2L, 0.6667, 6.0, 6.0));
        assertThat(s.paragraphs().get(0)).isEqualTo("2026年3月1日至2026年5月31日，全区共化解矛盾纠纷 6 起，调解成功率 75%"
                + "（有调解结果的纠纷 8 起，其中达成协议 6 起、调解不成 1 起、上交 1 起）。其中老倌俚工作室化解 4 起，"
                + "第三方调解组织化解 2 起；达成协议平均用时 5.5 天，中位数 5 天。本期新登记矛盾纠纷 9 起。");
        assertThat(s.paragraphs().get(1)).startsWith("全区现有老倌俚工作室 2 个、第三方调解组织 1 个、调解专家 1 名；"
                + "本期有调解结果的工作室 1 个、调解组织 1 个，表中只列有调解结果的单位。");
    }

    @Test
    public void aQuarterCountsTheOutcomesOfItsDays() {
        ReportSection s = only(ReportContribution.QUARTERLY, "2026-04-01", "2026-07-01");

        assertThat(s.table().rows()).containsExactly(
                row("扬子洲村老倌俚工作室", "老倌俚工作室", 3L, 3L, 1.0, 5.67, 7.0),
                row("东湖物业纠纷调解中心", "第三方调解组织", 3L, 2L, 0.6667, 6.0, 6.0));
        assertThat(s.paragraphs().get(0)).isEqualTo("2026年第二季度，全区共化解矛盾纠纷 5 起，调解成功率 83.3%"
                + "（有调解结果的纠纷 6 起，其中达成协议 5 起、调解不成 0 起、上交 1 起）。其中老倌俚工作室化解 3 起，"
                + "第三方调解组织化解 2 起；达成协议平均用时 5.8 天，中位数 7 天。本期新登记矛盾纠纷 7 起。");
    }

    @Test
    public void theLastDayOfThePeriodCountsAndTheDayAfterDoesNot() {
        // d2 agreed on 03-12, d3 failed on 03-20: a period ending before 03-20 sees only agreements
        ReportSection s = only(ReportContribution.MONTHLY, "2026-03-01", "2026-03-20");
        assertThat(s.table().rows()).containsExactly(row("扬子洲村老倌俚工作室", "老倌俚工作室", 2L, 2L, 1.0, 6.5, 6.5));
        assertThat(only(ReportContribution.MONTHLY, "2026-03-01", "2026-03-21").table().rows())
                .containsExactly(row("扬子洲村老倌俚工作室", "老倌俚工作室", 3L, 2L, 0.6667, 6.5, 6.5));
    }

    @Test
    public void registrationsWithoutOutcomeAreSaidWithoutATable() {
        ReportSection s = only(ReportContribution.MONTHLY, "2026-05-20", "2026-05-21");
        assertThat(s.table()).isNull();
        assertThat(s.paragraphs()).containsExactly("2026年5月20日新登记矛盾纠纷 1 起，本期尚无调解结果（达成协议、调解不成或上交）。");
    }

    @Test
    public void aPeriodWithoutDataSaysSo() {
        ReportSection s = only(ReportContribution.HALF_YEAR, "2025-07-01", "2026-01-01");
        assertThat(s.table()).isNull();
        assertThat(s.paragraphs()).containsExactly("本期无数据 (no data for this period)");
    }

    @Test
    public void nothingForATenantThatDidNotEnableTheModel() {
        assertThat(contribution.sections("jizhou", ReportContribution.MONTHLY, LocalDate.parse("2026-03-01"),
                LocalDate.parse("2026-04-01"))).isEmpty();
        assertThat(contribution.sections(Fixture.TENANT, ReportContribution.MONTHLY, LocalDate.parse("2026-03-01"),
                LocalDate.parse("2026-03-01"))).isEmpty();
    }

    @Test
    public void periodsAreNamedAsReportsNameThem() {
        assertThat(MediationReportContribution.periodZh(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-04-01")))
                .isEqualTo("2026年3月");
        assertThat(MediationReportContribution.periodZh(LocalDate.parse("2026-10-01"), LocalDate.parse("2027-01-01")))
                .isEqualTo("2026年第四季度");
        assertThat(MediationReportContribution.periodZh(LocalDate.parse("2026-07-01"), LocalDate.parse("2027-01-01")))
                .isEqualTo("2026年下半年");
        assertThat(MediationReportContribution.percent(0.6667)).isEqualTo("66.7%");
        assertThat(MediationReportContribution.percent(1.0)).isEqualTo("100%");
    }
}
