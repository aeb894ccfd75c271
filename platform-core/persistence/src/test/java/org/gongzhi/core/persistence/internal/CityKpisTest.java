package org.gongzhi.core.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.kpi.CityKpis;
import org.gongzhi.core.service.kpi.DistrictRow;
import org.gongzhi.core.service.kpi.KpiFigures;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * The city roll-up over the three shipped districts, all cases registered on Monday 2026-11-02
 * 09:00 Shanghai (due 2026-11-09 24:00), read at 2026-11-14:
 * <pre>
 *  jizhou    4 due: 4 closed on time                     on time 4/4, closed 4/4
 *  donghu    3 due: 2 closed on time, 1 closed late      on time 2/3, closed 3/3
 *  jiangbei  3 due: 2 closed on time, 1 open, overdue    on time 2/3, closed 2/3
 * </pre>
 * donghu and jiangbei tie on the on-time closure rate; the closure rate puts donghu ahead.
 */
public class CityKpisTest {

    @ClassRule
    public static final PersistenceFixture FIX = new PersistenceFixture();

    private static final Instant T0 = Instant.parse("2026-11-02T01:00:00Z");
    private static final Instant FROM = Instant.parse("2026-10-31T16:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-30T16:00:00Z");

    @BeforeClass
    public static void loadFixture() {
        district("jizhou", 4, 0, 0);
        district("donghu", 2, 1, 0);
        district("jiangbei", 2, 0, 1);
        FIX.clock.set(T0.plus(Duration.ofDays(12)));
    }

    private static void district(String tenant, int onTime, int late, int open) {
        KpiCases k = new KpiCases(FIX, tenant);
        for (int i = 0; i < onTime + late + open; i++) {
            UUID id = k.handling(T0, tenant + i, "CM0102", "hotline", null, "CG");
            if (i < onTime) {
                k.close(T0.plus(Duration.ofDays(1)), id);
            } else if (i < onTime + late) {
                k.close(T0.plus(Duration.ofDays(10)), id);
            }
        }
    }

    @Test
    public void districtsRankedByOnTimeThenClosureRate() {
        CityKpis city = FIX.kpis.city(FROM, TO, 3);
        assertThat(city.minCases()).isEqualTo(3);
        assertThat(city.districts()).extracting(DistrictRow::tenantId).containsExactly("jizhou", "donghu", "jiangbei");
        assertThat(city.districts()).extracting(DistrictRow::rank).containsExactly(1, 2, 3);
        assertThat(city.districts()).extracting(DistrictRow::unrankedReason).containsOnlyNulls();
        assertThat(city.districts()).extracting(DistrictRow::name).containsExactly("吉州区", "东湖区", "江北区");
        assertThat(city.districts().get(1).figures().onTimeClosureRate())
                .isEqualTo(city.districts().get(2).figures().onTimeClosureRate());
    }

    @Test
    public void districtsBelowTheMinimumVolumeAreNotRanked() {
        CityKpis city = FIX.kpis.city(FROM, TO, 4);
        assertThat(city.districts()).extracting(DistrictRow::tenantId).containsExactly("jizhou", "donghu", "jiangbei");
        assertThat(city.districts()).extracting(DistrictRow::rank).containsExactly(1, null, null);
        assertThat(city.districts().get(1).unrankedReason()).contains("3").contains("4");
        assertThat(city.districts().get(0).unrankedReason()).isNull();
    }

    @Test
    public void cityTotalAddsTheDistrictsUp() {
        KpiFigures total = FIX.kpis.city(FROM, TO, 3).total();
        assertThat(total.tenantId()).isNull();
        assertThat(total.reported()).isEqualTo(10);
        assertThat(total.dueToClose()).isEqualTo(10);
        assertThat(total.closed()).isEqualTo(9);
        assertThat(total.closedOnTime()).isEqualTo(8);
        assertThat(total.closureRate()).isEqualTo(0.9);
        assertThat(total.onTimeClosureRate()).isEqualTo(0.8);
        assertThat(total.overdueNow()).isEqualTo(1);
        assertThat(total.p90HandlingHours()).isNull();
        // 8 closures after 24 h and one after 240 h
        assertThat(total.averageHandlingHours()).isEqualTo((8 * 24.0 + 240.0) / 9);
    }

    @Test
    public void aNegativeMinimumIsRefused() {
        assertThatThrownBy(() -> FIX.kpis.city(FROM, TO, -1))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("minCases");
    }
}
