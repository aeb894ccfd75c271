package org.gongzhi.plugins.threecolour.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.YearMonth;

import org.gongzhi.plugin.api.InvalidInputException;
import org.junit.Test;

public class PeriodTest {

    @Test
    public void monthIsOneMonthOfMonthlyDispatch() {
        Period p = Period.parse("period", "2026-11");
        assertThat(p.monthList()).containsExactly(YearMonth.of(2026, 11));
        assertThat(p.rhythm()).isEqualTo("月度调度");
        assertThat(p.text()).isEqualTo("2026-11");
    }

    @Test
    public void quarterIsThreeMonthsOfQuarterlyInspection() {
        Period p = Period.parse("period", "2026-Q4");
        assertThat(p.monthList()).containsExactly(YearMonth.of(2026, 10), YearMonth.of(2026, 11), YearMonth.of(2026, 12));
        assertThat(p.rhythm()).isEqualTo("季度督查");
        assertThat(Period.parse("period", "2026-q1").monthList()).first().isEqualTo(YearMonth.of(2026, 1));
    }

    @Test
    public void halfIsSixMonthsOfTheHalfYearBulletin() {
        Period h2 = Period.parse("period", "2026-H2");
        assertThat(h2.monthList()).hasSize(6).startsWith(YearMonth.of(2026, 7)).endsWith(YearMonth.of(2026, 12));
        assertThat(h2.rhythm()).isEqualTo("半年通报");
        assertThat(Period.parse("period", "2026-H1").monthList()).startsWith(YearMonth.of(2026, 1)).endsWith(YearMonth.of(2026, 6));
    }

    @Test
    public void badInputNamesTheField() {
        for (String bad : new String[] {null, "", "  ", "2026-13", "2026-00", "2026-Q5", "2026-H3", "2026", "26-11",
                "2026-11-01", "1999-01", "2026/11", "Q4-2026"}) {
            InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> Period.parse("period", bad));
            assertThat(e).as(bad).isNotNull();
            assertThat(e.field()).isEqualTo("period");
        }
    }
}
