package org.gongzhi.core.service.screen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.gongzhi.core.service.screen.DistrictScreen.Month;
import org.gongzhi.core.service.screen.DistrictScreen.Today;
import org.junit.Test;

/** The city wall's totals: counts added up, rates recomputed, satisfaction weighted by evaluations. */
public class DistrictScreenTest {

    @Test
    public void monthsAddUpWithRatesFromTheSums() {
        Month a = new Month("2026-11", 10, 9, 8, 0.9, 0.8, 5.0, 1);
        Month b = new Month("2026-11", 30, 15, 12, 0.5, 0.4, 4.0, 3);
        Month none = new Month("2026-11", 0, 0, 0, null, null, null, 0);
        Month total = Month.sum("2026-11", List.of(a, b, none));
        assertThat(total).isEqualTo(new Month("2026-11", 40, 24, 20, 0.6, 0.5, 4.25, 4));
        assertThat(Month.sum("2026-11", List.of(none))).isEqualTo(none);
    }

    @Test
    public void daysAddUp() {
        assertThat(Today.sum(List.of(new Today(1, 2, 3), new Today(10, 20, 30)))).isEqualTo(new Today(11, 22, 33));
        assertThat(Today.sum(List.of())).isEqualTo(new Today(0, 0, 0));
    }
}
