package org.gongzhi.plugins.threelinked.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.gongzhi.plugin.api.DistrictModel;
import org.gongzhi.plugin.api.PluginStorage;
import org.gongzhi.plugin.api.PluginTenants;
import org.gongzhi.plugin.api.ReportContribution;
import org.gongzhi.plugin.api.ReportSection;
import org.gongzhi.plugin.api.ReportTable;
import org.gongzhi.plugin.api.ReportTable.Column;
import org.gongzhi.plugin.api.ReportTable.Type;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * 三联工作情况: the three-linked work of the period for the periodic reports (月报、季报、半年通报), from
 * the same {@link Figures} as {@code GET …/figures}: per community needs collected, needs matched,
 * orders delivered, beneficiaries, ratings and their mean; district totals and the resources lent
 * (联资源) in paragraphs. Aggregates only — no resident's name or phone. Reads only, and only for
 * tenants that enabled the model. Stateless and thread-safe.
 */
@Component(service = ReportContribution.class,
        property = DistrictModel.MODEL_PROPERTY + "=" + ThreeLinkedModel.ID)
public final class ThreeLinkedReportContribution implements ReportContribution {

    static final String HEADING_ZH = "三联工作情况";
    static final String HEADING_EN = "Three-linked community work";
    /** How the table names the needs of cases located only to a street or the district. */
    static final String UNLOCATED_ZH = "未定位社区";

    private final PluginStorage storage;
    private final PluginTenants tenants;

    @Activate
    public ThreeLinkedReportContribution(@Reference PluginStorage storage, @Reference PluginTenants tenants) {
        this.storage = storage;
        this.tenants = tenants;
    }

    @Override
    public List<ReportSection> sections(String tenantId, String kind, LocalDate from, LocalDate to) {
        if (!tenants.isEnabled(tenantId, ThreeLinkedModel.ID) || !from.isBefore(to)) {
            return List.of();
        }
        // Figures count from the first to the last day inclusive; the report's period ends the day before "to"
        Period period = new Period(from + ".." + to.minusDays(1), from, to.minusDays(1));
        // the clock only stamps writes, and reports write nothing
        Figures figures = new Books(storage, tenantId, Clock.systemUTC()).figures(period);
        return List.of(section(figures, periodZh(from, to)));
    }

    /** The section of one period's figures. */
    static ReportSection section(Figures f, String periodZh) {
        Figures.Row t = f.total();
        if (!active(t)) {
            return ReportSection.noData(HEADING_ZH, HEADING_EN);
        }
        List<List<Object>> rows = new ArrayList<>();
        for (Figures.Row r : f.communities()) {
            if (active(r)) {
                rows.add(Arrays.asList(NeedBook.UNLOCATED.equals(r.community()) ? UNLOCATED_ZH : r.community(),
                        r.needsCollected(), r.needsMatched(), r.ordersDelivered(), r.beneficiaries(), r.ratings(),
                        r.averageRating()));
            }
        }
        Figures.Workers w = f.socialWorkers();
        List<String> paragraphs = List.of(
                periodZh + "，全区收集居民需求 " + t.needsCollected() + " 项，供需对接 "
                        + t.needsMatched() + " 项，社会组织和社会工作者完成专业服务 " + t.ordersDelivered() + " 单、受益 "
                        + t.beneficiaries() + " 人次；" + (t.ratings() == 0 ? "本期暂无服务评价。"
                        : "服务评价 " + t.ratings() + " 次，平均 " + plain(t.averageRating()) + " 分（5 分制）。"),
                "联资源：向社会组织、社工机构提供社区综合服务设施 " + t.facilitiesLent() + " 处、" + plain(t.facilitiesAreaM2())
                        + " 平方米；持证社会工作者 " + w.total() + " 人（助理社会工作师 " + w.assistant() + " 人、社会工作师 "
                        + w.intermediate() + " 人、高级社会工作师 " + w.senior() + " 人）。",
                "统计口径：收集需求按收集日期、供需对接按接单日期、专业服务和受益人次按服务完成日期、评价按评价日期计入本期；"
                        + "全区平均评价按全部评价计算，不是各社区平均数的平均；表中均为社区汇总数，不含居民个人信息。");
        ReportTable table = new ReportTable(List.of(
                new Column("社区编码", Type.TEXT),
                new Column("收集需求", Type.INTEGER),
                new Column("供需对接", Type.INTEGER),
                new Column("完成服务单", Type.INTEGER),
                new Column("受益人次", Type.INTEGER),
                new Column("评价次数", Type.INTEGER),
                new Column("平均评价（5分制）", Type.DECIMAL)), rows);
        return new ReportSection(HEADING_ZH, HEADING_EN, paragraphs, table);
    }

    /** Whether a row shows any of the needs and services of the period (loans alone do not count). */
    private static boolean active(Figures.Row r) {
        return r.needsCollected() + r.needsMatched() + r.ordersDelivered() + r.beneficiaries() + r.ratings() > 0;
    }

    /** How the report names a period [from, to): 2026年3月, 2026年第四季度, 2026年下半年, or the days. */
    static String periodZh(LocalDate from, LocalDate to) {
        if (from.getDayOfMonth() == 1 && to.getDayOfMonth() == 1) {
            int m = from.getMonthValue();
            if (from.plusMonths(1).equals(to)) {
                return from.getYear() + "年" + m + "月";
            }
            if (from.plusMonths(3).equals(to) && m % 3 == 1) {
                return from.getYear() + "年第" + "一二三四".charAt(m / 3) + "季度";
            }
            if (from.plusMonths(6).equals(to) && (m == 1 || m == 7)) {
                return from.getYear() + (m == 1 ? "年上半年" : "年下半年");
            }
            if (from.plusYears(1).equals(to) && m == 1) {
                return from.getYear() + "年";
            }
        }
        LocalDate last = to.minusDays(1);
        return from.getYear() + "年" + from.getMonthValue() + "月" + from.getDayOfMonth() + "日至" + last.getYear() + "年"
                + last.getMonthValue() + "月" + last.getDayOfMonth() + "日";
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
