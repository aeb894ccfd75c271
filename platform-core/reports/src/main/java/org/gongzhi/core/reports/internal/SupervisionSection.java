package org.gongzhi.core.reports.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gongzhi.core.reporting.ReportDocument.Column;
import org.gongzhi.core.reporting.ReportDocument.ColumnType;
import org.gongzhi.core.reporting.ReportDocument.Section;
import org.gongzhi.core.reporting.ReportDocument.Table;
import org.gongzhi.core.service.kpi.KpiFigures;

/**
 * The report's section on supervision (督办情况): reminders, orders and escalations issued in the
 * period, and 督办件按期办结率 — the orders due in the period settled by their deadline. A pure
 * function of the district's {@link KpiFigures} (docs/kpis.md states the formulas).
 */
final class SupervisionSection {

    private SupervisionSection() {
    }

    static Section build(String numeral, KpiFigures f) {
        List<String> text = new ArrayList<>();
        if (f.reminders() == 0 && f.supervisionOrders() == 0 && f.supervisionDue() == 0) {
            text.add("本期未发出催办、督办，也无到期的督办件。");
            return new Section(numeral + "、督办情况", "Supervision", text, null, null);
        }
        long others = f.supervisionOrders() - f.escalations();
        text.add(String.format("本期自动催办 %d 次，督办（含挂牌督办）%d 件，提级至市级督办 %d 件；"
                        + "答复期限在本期的督办件 %d 件，按期办结 %d 件，督办件按期办结率 %s。",
                f.reminders(), others, f.escalations(), f.supervisionDue(), f.supervisionOnTime(),
                KpiTables.percent(f.supervisionOnTimeRate())));
        if (f.supervisionDue() > f.supervisionOnTime()) {
            text.add(String.format("逾期未办结的督办件 %d 件，请承办单位说明原因并限期整改。",
                    f.supervisionDue() - f.supervisionOnTime()));
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("reminders", f.reminders());
        row.put("orders", others);
        row.put("escalations", f.escalations());
        row.put("due", f.supervisionDue());
        row.put("onTime", f.supervisionOnTime());
        row.put("rate", f.supervisionOnTimeRate());
        Table table = new Table(List.of(
                new Column("reminders", "催办次数", ColumnType.INTEGER),
                new Column("orders", "督办件", ColumnType.INTEGER),
                new Column("escalations", "提级督办", ColumnType.INTEGER),
                new Column("due", "到期督办件", ColumnType.INTEGER),
                new Column("onTime", "按期办结", ColumnType.INTEGER),
                new Column("rate", "督办件按期办结率", ColumnType.PERCENT)), List.of(row));
        return new Section(numeral + "、督办情况", "Supervision", text, table, null);
    }
}
