package org.gongzhi.core.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.gongzhi.core.service.kpi.DistrictRow;
import org.gongzhi.core.service.kpi.KpiFigures;
import org.junit.Test;

/** The ranking rule alone, on figures made up for it. */
public class CityRankingTest {

    private static final Instant FROM = Instant.parse("2026-10-31T16:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-30T16:00:00Z");

    @Test
    public void equalRatesShareARankAndTheNextRankIsSkipped() {
        List<DistrictRow> ranked = CityRanking.rank(List.of(
                district("a", 10, 9, 8), district("b", 20, 18, 16), district("c", 10, 10, 9),
                district("d", 5, 5, 5)), 1);
        assertThat(ranked).extracting(DistrictRow::tenantId).containsExactly("d", "c", "a", "b");
        assertThat(ranked).extracting(DistrictRow::rank).containsExactly(1, 2, 3, 3);
    }

    @Test
    public void aDistrictWithoutDueCasesIsNeverRanked() {
        List<DistrictRow> ranked = CityRanking.rank(List.of(district("a", 0, 0, 0), district("b", 1, 1, 1)), 0);
        assertThat(ranked).extracting(DistrictRow::tenantId).containsExactly("b", "a");
        assertThat(ranked).extracting(DistrictRow::rank).containsExactly(1, null);
        assertThat(ranked.get(1).unrankedReason()).contains("0");
    }

    @Test
    public void theMinimumCountsCasesDueToCloseNotReported() {
        List<DistrictRow> ranked = CityRanking.rank(List.of(district("a", 29, 29, 29), district("b", 30, 1, 0)), 30);
        assertThat(ranked).extracting(DistrictRow::tenantId).containsExactly("b", "a");
        assertThat(ranked).extracting(DistrictRow::rank).containsExactly(1, null);
    }

    private static DistrictRow district(String id, long due, long closed, long onTime) {
        KpiFigures f = new KpiFigures(id, FROM, TO, due + 5, due, due, closed, onTime, closed, 0, 0, 0,
                KpiFigures.rate(closed, due), KpiFigures.rate(onTime, due), null, null, null, null, null, null, 0,
                null, null, 0, 0);
        return new DistrictRow(id, id, f, null, null);
    }
}
