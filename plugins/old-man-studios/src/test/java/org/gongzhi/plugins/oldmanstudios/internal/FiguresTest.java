package org.gongzhi.plugins.oldmanstudios.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.Test;

/**
 * Success rate and mean / median days to agreement against a hand-computed fixture.
 * <pre>
 * studio-a  d1 03-01→agreed 03-04 (3)  d2 03-02→agreed 03-12 (10)  d3 03-05→failed 03-20
 *           d4 04-01→agreed 04-02 (1)  d5 04-03→agreed 04-10 (7)
 *           5 outcomes, 4 agreements: 0.8; mean (3+10+1+7)/4 = 5.25; median of 1,3,7,10 = (3+7)/2 = 5
 * org-p     e1 05-01→agreed 05-11 (10) e2 05-02→escalated 05-06  e3 05-03→agreed 05-05 (2)
 *           3 outcomes, 2 agreements: 0.6667; mean 6; median 6
 * district  8 outcomes, 6 agreements: 0.75; mean 33/6 = 5.5; median of 1,2,3,7,10,10 = 5
 * </pre>
 */
public class FiguresTest {

    private final List<Figures.Row> studio = new ArrayList<>();
    private final List<Figures.Row> organisation = new ArrayList<>();

    public FiguresTest() {
        studio.add(row(agreed("studio", "studio-a", "2026-03-01", "2026-03-04")));
        studio.add(row(agreed("studio", "studio-a", "2026-03-02", "2026-03-12")));
        studio.add(row(failed("studio", "studio-a", "2026-03-05", "2026-03-20")));
        studio.add(row(agreed("studio", "studio-a", "2026-04-01", "2026-04-02")));
        studio.add(row(agreed("studio", "studio-a", "2026-04-03", "2026-04-10")));
        organisation.add(row(agreed("organisation", "org-p", "2026-05-01", "2026-05-11")));
        organisation.add(row(escalated("organisation", "org-p", "2026-05-02", "2026-05-06")));
        organisation.add(row(agreed("organisation", "org-p", "2026-05-03", "2026-05-05")));
    }

    @Test
    public void studioFigures() {
        assertThat(Figures.summarise(studio)).isEqualTo(new Figures.Summary(5, 4, 1, 0, 0.8, 5.25, 5.0));
    }

    @Test
    public void organisationFigures() {
        assertThat(Figures.summarise(organisation)).isEqualTo(new Figures.Summary(3, 2, 0, 1, 0.6667, 6.0, 6.0));
    }

    @Test
    public void districtFigures() {
        List<Figures.Row> all = new ArrayList<>(studio);
        all.addAll(organisation);
        assertThat(Figures.summarise(all)).isEqualTo(new Figures.Summary(8, 6, 1, 1, 0.75, 5.5, 5.0));
    }

    @Test
    public void medianOfAnOddCountIsTheMiddleValue() {
        assertThat(Figures.median(List.of(3L, 10L, 1L))).isEqualTo(3.0);
        assertThat(Figures.median(List.of())).isNull();
    }

    @Test
    public void meanIsRoundedToTwoDecimals() {
        Figures.Summary s = Figures.summarise(List.of(row(agreed("studio", "s", "2026-01-01", "2026-01-02")),
                row(agreed("studio", "s", "2026-01-01", "2026-01-02")), row(agreed("studio", "s", "2026-01-01", "2026-01-03"))));
        assertThat(s.meanDaysToAgreement()).isEqualTo(1.33);
        assertThat(s.successRate()).isEqualTo(1.0);
    }

    @Test
    public void nothingToMeasureGivesNoRates() {
        Figures.Summary none = Figures.summarise(List.of());
        assertThat(none).isEqualTo(new Figures.Summary(0, 0, 0, 0, null, null, null));
        assertThat(none.toMap()).containsOnlyKeys("disputesWithOutcome", "agreements", "failed", "escalated");
        assertThat(Figures.summarise(List.of(row(failed("studio", "s", "2026-01-01", "2026-01-05")))).successRate())
                .isEqualTo(0.0);
    }

    @Test
    public void theFirstOutcomeCountsOnItsDay() {
        Map<String, Object> failedThenEscalated = failed("studio", "studio-a", "2026-03-05", "2026-03-20");
        failedThenEscalated.put("escalations", List.of(Map.of("level", "court", "date", "2026-04-01")));
        Figures.Row row = row(failedThenEscalated);

        assertThat(row.outcome()).isEqualTo(Figures.Outcome.FAILED);
        assertThat(row.outcomeDate()).isEqualTo(LocalDate.of(2026, 3, 20));
        assertThat(Figures.within(row, LocalDate.of(2026, 3, 20), LocalDate.of(2026, 3, 20))).isTrue();
        assertThat(Figures.within(row, LocalDate.of(2026, 3, 21), LocalDate.of(2026, 12, 31))).isFalse();
        assertThat(Figures.rowOf(base("studio", "s", "2026-03-01"))).isEmpty();
    }

    private static Figures.Row row(Map<String, Object> data) {
        return Figures.rowOf(data).orElseThrow();
    }

    private static Map<String, Object> base(String kind, String id, String registeredOn) {
        return Records.of("registeredOn", registeredOn, "assignee", Map.of("kind", kind, "id", id));
    }

    private static Map<String, Object> agreed(String kind, String id, String registeredOn, String on) {
        Map<String, Object> data = base(kind, id, registeredOn);
        data.put("agreement", Map.of("date", on));
        return data;
    }

    private static Map<String, Object> failed(String kind, String id, String registeredOn, String on) {
        Map<String, Object> data = base(kind, id, registeredOn);
        data.put("failure", Map.of("date", on));
        return data;
    }

    private static Map<String, Object> escalated(String kind, String id, String registeredOn, String on) {
        Map<String, Object> data = base(kind, id, registeredOn);
        data.put("escalations", List.of(Map.of("level", "court", "date", on)));
        return data;
    }
}
