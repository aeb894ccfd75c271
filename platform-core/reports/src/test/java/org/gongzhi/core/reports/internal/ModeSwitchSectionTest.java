package org.gongzhi.core.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.gongzhi.core.reporting.ReportDocument.Section;
import org.gongzhi.core.service.screen.DistrictMode;
import org.gongzhi.core.service.screen.OperatingMode;
import org.junit.Test;

public class ModeSwitchSectionTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** November 2026 in Shanghai. */
    private static final Instant FROM = Instant.parse("2026-10-31T16:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-30T16:00:00Z");
    private static final DistrictMode NEVER = new DistrictMode("donghu", OperatingMode.NORMAL, null, null, null);

    private static DistrictMode sw(OperatingMode mode, String at, String reason, String by) {
        return new DistrictMode("donghu", mode, Instant.parse(at), reason, by);
    }

    @Test
    public void aPeriodWithoutWartimeSaysSo() {
        Section s = ModeSwitchSection.build("六", SHANGHAI, FROM, TO, TO.plusSeconds(60), NEVER, List.of(), 0, 0);
        assertThat(s.headingZh()).isEqualTo("六、平战转换");
        assertThat(s.paragraphs()).containsExactly("本期未转入战时，始终按平时规则运行。");
        assertThat(s.table()).isNull();
    }

    @Test
    public void eachSwitchShowsWhenWhoWhyAndHowLong() {
        List<DistrictMode> switches = List.of(
                sw(OperatingMode.WARTIME, "2026-11-03T02:00:00Z", "暴雨红色预警", "dh-admin"),
                sw(OperatingMode.NORMAL, "2026-11-05T04:30:00Z", "预警解除", "dh-admin"),
                sw(OperatingMode.WARTIME, "2026-11-30T14:00:00Z", "全市防汛应急响应", "city-admin"));
        Section s = ModeSwitchSection.build("六", SHANGHAI, FROM, TO, TO.plus(Duration.ofDays(2)), NEVER, switches, 12, 3);
        assertThat(s.table().rows()).hasSize(3);
        assertThat(s.table().rows().get(0)).containsEntry("when", "2026-11-03 10:00").containsEntry("switch", "转入战时")
                .containsEntry("by", "dh-admin").containsEntry("reason", "暴雨红色预警").containsEntry("lasted", "2 天 2 小时 30 分钟");
        assertThat(s.table().rows().get(1)).containsEntry("switch", "恢复平时").containsEntry("lasted", "25 天 9 小时 30 分钟");
        assertThat(s.table().rows().get(2)).containsEntry("lasted", "2 小时（至期末）");
        assertThat(s.paragraphs().get(0)).contains("战时 2 段").contains("累计 2 天 4 小时 30 分钟")
                .contains("战时立案 12 件").contains("直报指挥部 3 件");
    }

    @Test
    public void aWartimeCarriedInCountsFromThePeriodsStartAndRunsUntilNow() {
        DistrictMode carried = sw(OperatingMode.WARTIME, "2026-10-20T00:00:00Z", "疫情防控", "dh-admin");
        Instant now = FROM.plus(Duration.ofDays(3));
        Section s = ModeSwitchSection.build("七", SHANGHAI, FROM, TO, now, carried, List.of(), 5, 0);
        assertThat(s.paragraphs().get(0)).startsWith("期初已处于战时（自 2026-10-20 08:00 起）")
                .contains("战时 1 段").contains("累计 3 天");
        assertThat(s.table()).isNull();
    }

    @Test
    public void theLastSwitchLastsUntilNowWhileThePeriodRuns() {
        Instant now = Instant.parse("2026-11-10T02:00:00Z");
        Section s = ModeSwitchSection.build("六", SHANGHAI, FROM, TO, now, NEVER,
                List.of(sw(OperatingMode.WARTIME, "2026-11-10T01:15:00Z", "演练", "dh-admin")), 0, 0);
        assertThat(s.table().rows().get(0)).containsEntry("lasted", "45 分钟（至今）");
    }
}
