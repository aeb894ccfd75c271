package org.gongzhi.plugins.oldmanstudios.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
 * 老倌俚工作室调解情况: the mediation results of the period for the periodic reports (月报、季报、半年通报),
 * from the same figures as {@code GET …/figures} ({@link FiguresService}): per studio and per
 * organisation with an outcome in the period, disputes with an outcome, agreements, success rate,
 * mean and median days to agreement; district totals in a paragraph ("共化解矛盾纠纷 N 起，调解成功率
 * x%"). Reads only, and only for tenants that enabled the model. Stateless and thread-safe.
 */
@Component(service = ReportContribution.class,
        property = DistrictModel.MODEL_PROPERTY + "=" + OldManStudiosModel.ID)
public final class MediationReportContribution implements ReportContribution {

    static final String HEADING_ZH = "老倌俚工作室调解情况";
    static final String HEADING_EN = "Old-man studios: mediation results";
    static final String STUDIO_ZH = "老倌俚工作室";
    static final String ORGANISATION_ZH = "第三方调解组织";

    private final PluginTenants tenants;
    private final FiguresService figures;

    @Activate
    public MediationReportContribution(@Reference PluginStorage storage, @Reference PluginTenants tenants) {
        this.tenants = tenants;
        this.figures = new FiguresService(storage);
    }

    @Override
    public List<ReportSection> sections(String tenantId, String kind, LocalDate from, LocalDate to) {
        if (!tenants.isEnabled(tenantId, OldManStudiosModel.ID) || !from.isBefore(to)) {
            return List.of();
        }
        // the figures take both days; the report's period ends the day before "to"
        return List.of(section(figures.period(tenantId, from, to.minusDays(1))));
    }

    /** The section of one period's figures. */
    static ReportSection section(FiguresService.Period p) {
        Figures.Summary d = p.district();
        String period = periodZh(p.from(), p.to().plusDays(1));
        if (d.withOutcome() == 0) {
            List<String> paragraphs = p.registered() == 0 ? List.of(ReportSection.NO_DATA)
                    : List.of(period + "新登记矛盾纠纷 " + p.registered() + " 起，本期尚无调解结果（达成协议、调解不成或上交）。");
            return new ReportSection(HEADING_ZH, HEADING_EN, paragraphs, null);
        }
        StringBuilder totals = new StringBuilder(period).append("，全区共化解矛盾纠纷 ").append(d.agreements())
                .append(" 起，调解成功率 ").append(percent(d.successRate())).append("（有调解结果的纠纷 ")
                .append(d.withOutcome()).append(" 起，其中达成协议 ").append(d.agreements()).append(" 起、调解不成 ")
                .append(d.failed()).append(" 起、上交 ").append(d.escalated()).append(" 起）。其中老倌俚工作室化解 ")
                .append(p.resolvedByStudios()).append(" 起，第三方调解组织化解 ").append(p.resolvedByOrganisations())
                .append(" 起");
        if (d.meanDaysToAgreement() != null) {
            totals.append("；达成协议平均用时 ").append(days(d.meanDaysToAgreement())).append(" 天，中位数 ")
                    .append(days(d.medianDaysToAgreement())).append(" 天");
        }
        totals.append("。本期新登记矛盾纠纷 ").append(p.registered()).append(" 起。");

        List<List<Object>> rows = new ArrayList<>();
        long studiosWithOutcome = addRows(rows, p.studios(), STUDIO_ZH);
        long organisationsWithOutcome = addRows(rows, p.organisations(), ORGANISATION_ZH);
        String scope = "全区现有老倌俚工作室 " + p.studios().size() + " 个、第三方调解组织 " + p.organisations().size()
                + " 个、调解专家 " + p.experts() + " 名；本期有调解结果的工作室 " + studiosWithOutcome + " 个、调解组织 "
                + organisationsWithOutcome + " 个，表中只列有调解结果的单位。调解成功率为达成协议数占有调解结果的纠纷数的比例；"
                + "每起纠纷按第一个结果（达成协议，否则调解不成，否则上交）计入结果当日所在的期间和当时承办的工作室或调解组织；"
                + "达成协议用时为从登记到协议签订的天数。";
        List<String> paragraphs = new ArrayList<>(List.of(totals.toString(), scope));
        if (rows.isEmpty()) {
            return new ReportSection(HEADING_ZH, HEADING_EN, paragraphs, null);
        }
        ReportTable table = new ReportTable(List.of(
                new Column("名称", Type.TEXT),
                new Column("类型", Type.TEXT),
                new Column("有调解结果的纠纷", Type.INTEGER),
                new Column("达成协议", Type.INTEGER),
                new Column("调解成功率", Type.PERCENT),
                new Column("平均达成协议天数", Type.DECIMAL),
                new Column("达成协议天数中位数", Type.DECIMAL)), rows);
        return new ReportSection(HEADING_ZH, HEADING_EN, paragraphs, table);
    }

    /** Adds a row per unit with an outcome in the period; returns how many. */
    private static long addRows(List<List<Object>> rows, List<FiguresService.Unit> units, String kindZh) {
        long n = 0;
        for (FiguresService.Unit u : units) {
            Figures.Summary s = u.summary();
            if (s.withOutcome() > 0) {
                rows.add(Arrays.asList(u.name(), kindZh, s.withOutcome(), s.agreements(), s.successRate(),
                        s.meanDaysToAgreement(), s.medianDaysToAgreement()));
                n++;
            }
        }
        return n;
    }

    /** How the report names a period [from, to): 2026年3月, 2026年第一季度, 2026年上半年, or the days. */
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
        }
        LocalDate last = to.minusDays(1);
        if (last.equals(from)) {
            return from.getYear() + "年" + from.getMonthValue() + "月" + from.getDayOfMonth() + "日";
        }
        return from.getYear() + "年" + from.getMonthValue() + "月" + from.getDayOfMonth() + "日至" + last.getYear() + "年"
                + last.getMonthValue() + "月" + last.getDayOfMonth() + "日";
    }

    /** A fraction as a report writes it: 0.75 → 75%, 0.6667 → 66.7%. */
    static String percent(Double fraction) {
        return BigDecimal.valueOf(fraction).movePointRight(2).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString() + "%";
    }

    private static String days(Double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
