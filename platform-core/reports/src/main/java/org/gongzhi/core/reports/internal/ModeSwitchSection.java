package org.gongzhi.core.reports.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gongzhi.core.reporting.ReportDocument.Column;
import org.gongzhi.core.reporting.ReportDocument.ColumnType;
import org.gongzhi.core.reporting.ReportDocument.Section;
import org.gongzhi.core.reporting.ReportDocument.Table;
import org.gongzhi.core.service.screen.DistrictMode;
import org.gongzhi.core.service.screen.OperatingMode;

/**
 * The report's section on the operating mode (平战转换): every switch of the period — when, who,
 * why, how long the mode it started lasted — the time spent in wartime within the period (a wartime
 * carried in from before counts from the period's start), and how many of the period's cases were
 * registered under the emergency plan or routed straight to the command post. A pure function of
 * its inputs.
 */
final class ModeSwitchSection {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ModeSwitchSection() {
    }

    /**
     * @param atStart          the mode in force at {@code from}
     * @param switches         the switches made in {@code [from, to)}, oldest first
     * @param wartimeCases     cases reported in the period and registered in wartime
     * @param commandPostCases cases reported in the period and routed to the command post
     */
    static Section build(String numeral, ZoneId zone, Instant from, Instant to, Instant now, DistrictMode atStart,
                         List<DistrictMode> switches, long wartimeCases, long commandPostCases) {
        Instant end = now.isBefore(to) ? now : to;
        List<Map<String, Object>> rows = new ArrayList<>();
        Duration wartime = Duration.ZERO;
        int wartimeSpells = 0;
        OperatingMode mode = atStart.mode();
        Instant modeStart = from;
        if (mode == OperatingMode.WARTIME) {
            wartimeSpells++;
        }
        for (int i = 0; i < switches.size(); i++) {
            DistrictMode s = switches.get(i);
            if (mode == OperatingMode.WARTIME) {
                wartime = wartime.plus(Duration.between(modeStart, s.since()));
            }
            mode = s.mode();
            modeStart = s.since();
            if (mode == OperatingMode.WARTIME) {
                wartimeSpells++;
            }
            boolean last = i == switches.size() - 1;
            Instant until = last ? end : switches.get(i + 1).since();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("when", WHEN.format(s.since().atZone(zone)));
            row.put("switch", s.mode() == OperatingMode.WARTIME ? "转入战时" : "恢复平时");
            row.put("by", s.switchedBy());
            row.put("reason", s.reason());
            row.put("lasted", text(Duration.between(s.since(), until.isBefore(s.since()) ? s.since() : until))
                    + (last && !now.isBefore(to) ? "（至期末）" : last ? "（至今）" : ""));
            rows.add(row);
        }
        if (mode == OperatingMode.WARTIME && end.isAfter(modeStart)) {
            wartime = wartime.plus(Duration.between(modeStart, end));
        }
        List<String> text = new ArrayList<>();
        if (wartimeSpells == 0) {
            text.add("本期未转入战时，始终按平时规则运行。");
        } else {
            String carried = atStart.mode() == OperatingMode.WARTIME && atStart.since() != null
                    ? "期初已处于战时（自 " + WHEN.format(atStart.since().atZone(zone)) + " 起）；" : "";
            text.add(String.format("%s本期处于战时 %d 段，累计 %s；本期受理的案件中，按应急预案战时立案 %d 件，直报指挥部 %d 件。"
                            + "战时立案的案件保留立案时确定的时限，恢复平时后新立案的案件按平时规则计时。",
                    carried, wartimeSpells, text(wartime), wartimeCases, commandPostCases));
        }
        if (!switches.isEmpty()) {
            text.add("本期平战转换记录如下（时间为本区时间）。");
        }
        Table table = rows.isEmpty() ? null : new Table(List.of(
                new Column("when", "切换时间", ColumnType.TEXT), new Column("switch", "切换", ColumnType.TEXT),
                new Column("by", "操作人", ColumnType.TEXT), new Column("reason", "原因", ColumnType.TEXT),
                new Column("lasted", "持续时长", ColumnType.TEXT)), rows);
        return new Section(numeral + "、平战转换", "Normal and wartime switches", text, table, null);
    }

    /** {@code 3 天 4 小时 5 分钟}, leaving out what is zero; {@code 0 分钟} for nothing. */
    static String text(Duration d) {
        long minutes = d.toMinutes();
        long days = minutes / (24 * 60);
        long hours = minutes % (24 * 60) / 60;
        long mins = minutes % 60;
        StringBuilder b = new StringBuilder();
        if (days > 0) {
            b.append(days).append(" 天");
        }
        if (hours > 0) {
            b.append(b.length() > 0 ? " " : "").append(hours).append(" 小时");
        }
        if (mins > 0 || b.length() == 0) {
            b.append(b.length() > 0 ? " " : "").append(mins).append(" 分钟");
        }
        return b.toString();
    }
}
