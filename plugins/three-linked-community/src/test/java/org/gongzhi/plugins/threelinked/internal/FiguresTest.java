package org.gongzhi.plugins.threelinked.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.Test;

/** Figures against a fixture computed by hand (see the comments). */
public class FiguresTest {

    private static final String A = "500105001001";
    private static final String B = "500105001002";

    private static Need need(String id, String community, String collectedAt, String matchedAt) {
        Need n = Need.collected(id, community, "张三", "13800138000", "社区养老", "x", NeedChannel.ONLINE,
                Urgency.NORMAL, Instant.parse(collectedAt), null);
        if (matchedAt != null) {
            Instant t = Instant.parse(matchedAt);
            n = n.moveTo(NeedStatus.ON_AGENDA, t, null).moveTo(NeedStatus.DECIDED, t, null)
                    .moveTo(NeedStatus.PUBLISHED, t, null).moveTo(NeedStatus.MATCHED, t, null);
        }
        return n;
    }

    private static ServiceOrder order(String community, String deliveredAt, int people, Integer score, String ratedAt) {
        return new ServiceOrder("o-" + community + deliveredAt, 1, community, "t", null, "社区养老", List.of(),
                score == null ? ServiceOrder.DELIVERED : ServiceOrder.RATED, null, null, null, "done", people,
                Instant.parse(deliveredAt),
                score == null ? null : new ServiceOrder.Rating(score, "resident", null, Instant.parse(ratedAt)));
    }

    @Test
    public void quarterFiguresPerCommunityAndForTheDistrict() {
        List<Need> needs = List.of(
                need("a1", A, "2026-10-02T01:00:00Z", "2026-11-01T01:00:00Z"), // A collected, matched
                need("a2", A, "2026-10-03T01:00:00Z", null),                   // A collected
                need("a3", A, "2026-09-20T01:00:00Z", "2026-10-05T01:00:00Z"), // A matched only (collected in Q3)
                need("a4", A, "2026-12-31T16:30:00Z", null),                   // 2027-01-01 in China: outside
                need("b1", B, "2026-11-11T01:00:00Z", "2026-12-31T15:00:00Z"), // B collected, matched (23:00 CST)
                need("b2", B, "2026-09-30T15:59:00Z", null));                  // 23:59 on 09-30 CST: outside
        List<ServiceOrder> orders = List.of(
                order(A, "2026-11-20T01:00:00Z", 12, 5, "2026-11-21T01:00:00Z"),
                order(A, "2026-12-01T01:00:00Z", 3, 4, "2026-12-02T01:00:00Z"),
                order(A, "2026-09-01T01:00:00Z", 50, 4, "2026-10-02T01:00:00Z"), // delivered in Q3, rated in Q4
                order(B, "2026-12-10T01:00:00Z", 30, null, null));
        List<FacilityLoan> loans = List.of(
                new FacilityLoan("l1", 1, "建新社区活动室", A, 120.5, "org", LocalDate.parse("2026-01-01"),
                        LocalDate.parse("2026-12-31")),
                new FacilityLoan("l2", 1, "洋河社区日间照料中心", B, 300, "org", LocalDate.parse("2026-11-15"),
                        LocalDate.parse("2027-11-14")),
                new FacilityLoan("l3", 1, "旧会议室", B, 80, "org", LocalDate.parse("2025-01-01"),
                        LocalDate.parse("2026-09-30")));
        List<SocialWorker> workers = List.of(
                new SocialWorker("w1", 1, "甲", "assistant", "w1", null, LocalDate.parse("2019-06-01")),
                new SocialWorker("w2", 1, "乙", "assistant", "w2", null, LocalDate.parse("2026-12-31")),
                new SocialWorker("w3", 1, "丙", "intermediate", "w3", null, LocalDate.parse("2021-06-01")),
                new SocialWorker("w4", 1, "丁", "senior", "w4", null, LocalDate.parse("2027-01-01")));

        Figures f = Figures.compute(Period.parse("period", "2026-Q4"), needs, orders, loans, workers);

        assertThat(f.period()).isEqualTo("2026-Q4");
        assertThat(f.from()).isEqualTo(LocalDate.parse("2026-10-01"));
        assertThat(f.to()).isEqualTo(LocalDate.parse("2026-12-31"));
        // A: collected a1,a2 = 2; matched a1,a3 = 2; delivered 2 orders, 12+3 = 15 people;
        //    ratings 5,4,4 (the Q3 delivery rated in Q4) = 13/3 = 4.33; loan l1
        assertThat(f.communities().get(0)).isEqualTo(new Figures.Row(A, 2, 2, 2, 15, 3, 4.33, 1, 120.5));
        // B: collected b1 = 1; matched b1 = 1; delivered 1 order, 30 people; no rating; loan l2 (l3 ended 09-30)
        assertThat(f.communities().get(1)).isEqualTo(new Figures.Row(B, 1, 1, 1, 30, 0, null, 1, 300.0));
        // district: 3 collected, 3 matched, 3 delivered, 45 people, ratings 5,4,4 = 4.33, 2 loans, 420.5 m²
        assertThat(f.total()).isEqualTo(new Figures.Row(null, 3, 3, 3, 45, 3, 4.33, 2, 420.5));
        // certified by 2026-12-31: w1, w2 (assistant), w3 (intermediate); w4 only in 2027
        assertThat(f.socialWorkers()).isEqualTo(new Figures.Workers(2, 1, 0, 3));
        assertThat(f.toString()).doesNotContain("张三").doesNotContain("13800138000");
    }

    @Test
    public void theYearSumsItsQuartersAndTheDistrictAverageIsOverAllRatings() {
        List<ServiceOrder> orders = List.of(
                order(A, "2026-03-01T01:00:00Z", 1, 5, "2026-03-02T01:00:00Z"),
                order(A, "2026-05-01T01:00:00Z", 1, 5, "2026-05-02T01:00:00Z"),
                order(B, "2026-08-01T01:00:00Z", 1, 2, "2026-08-02T01:00:00Z"));
        Figures year = Figures.compute(Period.parse("period", "2026"), List.of(), orders, List.of(), List.of());
        // rows: A = (5+5)/2 = 5.0, B = 2.0; district = 12/3 = 4.0, not (5.0+2.0)/2 = 3.5
        assertThat(year.communities()).extracting(Figures.Row::averageRating).containsExactly(5.0, 2.0);
        assertThat(year.total().averageRating()).isEqualTo(4.0);
        assertThat(year.total().ordersDelivered()).isEqualTo(3);
        Figures h1 = Figures.compute(Period.parse("period", "2026-H1"), List.of(), orders, List.of(), List.of());
        assertThat(h1.total().ordersDelivered()).isEqualTo(2);
        assertThat(h1.communities()).extracting(Figures.Row::community).containsExactly(A);
    }
}
