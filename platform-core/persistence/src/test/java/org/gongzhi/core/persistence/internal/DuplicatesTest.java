package org.gongzhi.core.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.gongzhi.core.casework.CaseAction;
import org.gongzhi.core.casework.CaseStatus;
import org.gongzhi.core.casework.Channel;
import org.gongzhi.core.service.ConflictException;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.cases.CaseQuery;
import org.gongzhi.core.service.cases.CaseView;
import org.gongzhi.core.service.cases.DuplicateCandidate;
import org.gongzhi.core.service.cases.DuplicateFlag;
import org.gongzhi.core.service.cases.JournalEntry;
import org.gongzhi.core.service.cases.NewCase;
import org.gongzhi.core.service.cases.TransitionCommand;
import org.gongzhi.core.service.kpi.KpiFigures;
import org.gongzhi.core.service.supervision.NewOrder;
import org.gongzhi.core.service.supervision.SupervisionKind;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * Duplicates and repeats on a real PostgreSQL (ADR 0034): the flag at intake (by distance and time, by grid
 * and text without coordinates), merge and dismissal journaled on both cases, the merged case left out of
 * the lists and KPIs, and the repeat number (第N次反映) by phone and by place. Each test reports at its own
 * place so that the tests do not see each other's cases.
 */
public class DuplicatesTest {

    @ClassRule
    public static final PersistenceFixture FIX = new PersistenceFixture();

    private static final String GRID = "360802001001";
    private static final String OTHER_GRID = "360802100201";
    /** 0.001° of latitude. */
    private static final double M111 = 0.001;

    private final HibernateCaseDuplicates duplicates = new HibernateCaseDuplicates(FIX.db, FIX.tenants, FIX.clock);

    @Test
    public void aNearbyRecentReportOfTheSameMatterIsFlaggedWithItsCandidateAndScoreParts() {
        double lat = 27.101, lon = 114.981;
        CaseView first = report("CM0101", "暴露垃圾无人清运", "阳明路12号", lat, lon, GRID, null);
        FIX.clock.advance(Duration.ofHours(5));
        CaseView second = report("CM0101", "阳明路12号暴露垃圾", "阳明路12号", lat + 0.5 * M111, lon, GRID, null);

        DuplicateFlag flag = duplicates.of("jizhou", second.id());
        assertThat(flag.state()).isEqualTo(DuplicateFlag.State.FLAGGED);
        assertThat(flag.candidates()).hasSize(1);
        DuplicateCandidate c = flag.candidates().get(0);
        assertThat(c.id()).isEqualTo(first.id());
        assertThat(c.number()).isEqualTo(first.number());
        assertThat(c.distanceMetres()).isBetween(50, 60);
        assertThat(c.hours()).isEqualTo(5.0);
        assertThat(c.textOverlap()).isGreaterThan(0.5);
        assertThat(flag.score()).isEqualTo(c.score()).isGreaterThanOrEqualTo(0.5);
        assertThat(duplicates.of("jizhou", first.id()).state()).isNull();
    }

    @Test
    public void farOldOtherFamilyAndClosedCasesAreNotCandidates() {
        double lat = 27.201, lon = 114.981;
        CaseView closed = report("CM0102", "积存渣土", "文山路3号", lat, lon, GRID, null);
        close(closed.id());
        CaseView old = report("CM0101", "暴露垃圾", "文山路5号", lat, lon, GRID, null);
        FIX.clock.advance(Duration.ofHours(73));
        report("LS0101", "暴露垃圾", "文山路5号", lat, lon, GRID, null);          // another family
        report("CM0101", "暴露垃圾", "文山路5号", lat + 3 * M111, lon, GRID, null); // 333 m away
        CaseView late = report("CM0101", "暴露垃圾", "文山路5号", lat, lon, GRID, null);

        DuplicateFlag flag = duplicates.of("jizhou", late.id());
        assertThat(flag.candidates()).extracting(DuplicateCandidate::id).doesNotContain(old.id(), closed.id());
    }

    @Test
    public void withoutCoordinatesTheSameGridAndTextMatch() {
        FIX.clock.advance(Duration.ofDays(10));
        CaseView first = report("CM0103", "仁山坪路道路不洁满地落叶", "仁山坪路8号", null, null, OTHER_GRID, null);
        FIX.clock.advance(Duration.ofHours(2));
        CaseView again = report("CM0103", "仁山坪路8号道路不洁落叶", "仁山坪路8号", null, null, OTHER_GRID, null);
        CaseView unrelated = report("CM0103", "广场地面污渍", "人民广场", null, null, OTHER_GRID, null);

        DuplicateFlag flag = duplicates.of("jizhou", again.id());
        assertThat(flag.state()).isEqualTo(DuplicateFlag.State.FLAGGED);
        assertThat(flag.candidates().get(0).id()).isEqualTo(first.id());
        assertThat(flag.candidates().get(0).sameGrid()).isTrue();
        assertThat(flag.candidates().get(0).distanceMetres()).isNull();
        assertThat(duplicates.of("jizhou", unrelated.id()).state()).isNull();
    }

    @Test
    public void inAHotspotTheNewestOpenReportsAreCompared() {
        FIX.clock.advance(Duration.ofDays(20));
        String grid = "360802100202";
        CaseView oldest = report("CM0103", "仁山坪路8号道路不洁落叶", "仁山坪路8号", null, null, grid, null);
        for (int i = 0; i < DuplicateDetector.MAX_NEARBY; i++) {
            FIX.clock.advance(Duration.ofSeconds(30));
            report("CM0103", "广场地面污渍 " + i, "人民广场", null, null, grid, null);
        }
        CaseView again = report("CM0103", "仁山坪路8号道路不洁落叶", "仁山坪路8号", null, null, grid, null);
        CaseView newestAgain = report("CM0103", "广场地面污渍 " + (DuplicateDetector.MAX_NEARBY - 1), "人民广场", null,
                null, grid, null);

        assertThat(duplicates.of("jizhou", again.id()).candidates()).extracting(DuplicateCandidate::id)
                .as("the report older than the newest %d is not compared", DuplicateDetector.MAX_NEARBY)
                .doesNotContain(oldest.id());
        assertThat(duplicates.of("jizhou", newestAgain.id()).state()).isEqualTo(DuplicateFlag.State.FLAGGED);
    }

    @Test
    public void inALocatedHotspotTheNewestOpenReportsOfAllCellsAroundAreCompared() throws Exception {
        FIX.clock.advance(Duration.ofDays(30));
        double here = 27.3019;   // the cell boundary lies at 27.3020: 22 m apart, two cells
        double across = 27.3021;
        double lon = 114.981;
        CaseView oldest = report("CM0103", "阳明路暴露垃圾无人清运", "阳明路12号", across, lon, GRID, null);
        for (int i = 0; i < DuplicateDetector.MAX_NEARBY; i++) {
            FIX.clock.advance(Duration.ofSeconds(30));
            report("CM0103", "广场地面污渍 " + i, "人民广场", here, lon, GRID, null);
        }
        CaseView again = report("CM0103", "阳明路暴露垃圾无人清运", "阳明路12号", across, lon, GRID, null);
        CaseView newestAgain = report("CM0103", "广场地面污渍 " + (DuplicateDetector.MAX_NEARBY - 1), "人民广场",
                across, lon, GRID, null);

        assertThat(duplicates.of("jizhou", again.id()).candidates()).extracting(DuplicateCandidate::id)
                .as("the newest %d over both cells, not per cell", DuplicateDetector.MAX_NEARBY)
                .doesNotContain(oldest.id());
        assertThat(duplicates.of("jizhou", newestAgain.id()).state()).isEqualTo(DuplicateFlag.State.FLAGGED);

        // each cell's range is read newest first and merged: nothing sorts a hotspot's whole range
        try (Connection c = FIX.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("set enable_seqscan = off");
            st.execute("set enable_bitmapscan = off");
            List<Object> values = new ArrayList<>(List.of(1L, 2L, 3L));
            values.add(GRID);
            try (PreparedStatement ps = DuplicateDetector.prepare(c, "explain " + DuplicateDetector.candidatesSql(3, true),
                    values, "jizhou", "CITY_MANAGEMENT", Timestamp.from(Instant.now()));
                 ResultSet rs = ps.executeQuery()) {
                StringBuilder plan = new StringBuilder();
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
                assertThat(plan.toString()).contains("Merge Append").doesNotContain("Sort  (");
            }
        }
    }

    @Test
    public void mergeJournalsBothFollowsTheMasterAndLeavesTheListsAndKpis() {
        FIX.clock.advance(Duration.ofDays(10));
        Instant from = FIX.clock.instant();
        double lat = 27.301, lon = 114.981;
        CaseView master = report("CM0201", "电线杆上非法小广告", "永叔路20号", lat, lon, GRID, null);
        FIX.clock.advance(Duration.ofHours(1));
        CaseView dup = report("CM0201", "永叔路20号非法小广告", "永叔路20号", lat, lon + 0.0003, GRID, null);
        assertThat(duplicates.of("jizhou", dup.id()).candidates()).extracting(DuplicateCandidate::id).contains(master.id());
        long reportedBefore = FIX.kpis.figures("jizhou", from, from.plus(Duration.ofDays(1))).reported();

        DuplicateFlag merged = duplicates.merge("jizhou", dup.id(), master.id(), "centre", "同一处广告");

        assertThat(merged.state()).isEqualTo(DuplicateFlag.State.MERGED);
        assertThat(merged.mergedInto()).isEqualTo(master.id());
        assertThat(merged.mergedIntoNumber()).isEqualTo(master.number());
        assertThat(duplicates.followed("jizhou", dup.id())).isEqualTo(master.id());
        assertThat(duplicates.followed("jizhou", master.id())).isEqualTo(master.id());
        assertThat(last(dup.id()).note()).contains("合并至案件 " + master.number()).contains("同一处广告");
        assertThat(last(dup.id()).publicNote()).contains(master.number());
        assertThat(last(master.id()).note()).contains("并入重复件 " + dup.number());
        assertThat(FIX.cases.list("jizhou", CaseQuery.builder().page(0, 200).build()).items())
                .extracting(CaseView::id).contains(master.id()).doesNotContain(dup.id());
        KpiFigures after = FIX.kpis.figures("jizhou", from, from.plus(Duration.ofDays(1)));
        assertThat(after.reported()).isEqualTo(reportedBefore - 1);
        // the duplicate is handled through its master: no step of its own, notes still reach it
        for (CaseAction action : List.of(CaseAction.REGISTER, CaseAction.REJECT)) {
            assertThatThrownBy(() -> step(dup.id(), action)).isInstanceOf(ConflictException.class)
                    .hasFieldOrPropertyWithValue("field", "mergedInto");
        }
        step(dup.id(), CaseAction.COMMENT);
        CaseView noted = FIX.cases.get("jizhou", dup.id());
        assertThat(noted.status()).isEqualTo(CaseStatus.REPORTED);
        assertThat(noted.allowedActions()).containsExactly(CaseAction.COMMENT);
        HibernateSupervisionService supervision = new HibernateSupervisionService(FIX.db, FIX.tenants, FIX.clock);
        assertThatThrownBy(() -> supervision.order("jizhou", dup.id(), new NewOrder(SupervisionKind.ORDER, "限期处置",
                FIX.clock.instant().plus(Duration.ofDays(1))), "leader")).isInstanceOf(ConflictException.class)
                .hasFieldOrPropertyWithValue("field", "mergedInto");
        assertThatThrownBy(() -> new HibernateCaseTransfers(FIX.db, FIX.tenants, FIX.clock)
                .transfer("jizhou", dup.id(), "donghu", null, "centre")).isInstanceOf(ConflictException.class)
                .hasFieldOrPropertyWithValue("field", "mergedInto");

        assertThatThrownBy(() -> duplicates.merge("jizhou", dup.id(), master.id(), "centre", null))
                .isInstanceOf(ConflictException.class);
        CaseView third = report("CM0201", "永叔路20号小广告", "永叔路20号", lat, lon, GRID, null);
        assertThatThrownBy(() -> duplicates.merge("jizhou", third.id(), dup.id(), "centre", null))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "master");
        assertThatThrownBy(() -> duplicates.merge("jizhou", third.id(), third.id(), "centre", null))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "master");
        assertThatThrownBy(() -> duplicates.merge("jizhou", third.id(), UUID.randomUUID(), "centre", null))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "master");
        step(third.id(), CaseAction.REGISTER);
        assertThatThrownBy(() -> duplicates.merge("jizhou", third.id(), master.id(), "centre", null))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    public void dismissJournalsTheCaseAndItsCandidatesOnce() {
        FIX.clock.advance(Duration.ofDays(10));
        double lat = 27.401, lon = 114.981;
        CaseView first = report("CM0301", "工地夜间施工噪音", "庐陵大道100号", lat, lon, GRID, null);
        FIX.clock.advance(Duration.ofHours(3));
        CaseView second = report("CM0301", "庐陵大道100号夜间施工", "庐陵大道100号", lat, lon, GRID, null);

        DuplicateFlag dismissed = duplicates.dismiss("jizhou", second.id(), "centre", null);

        assertThat(dismissed.state()).isEqualTo(DuplicateFlag.State.DISMISSED);
        assertThat(dismissed.candidates()).isNotEmpty();
        assertThat(last(second.id()).note()).contains("不是重复件").contains(first.number());
        assertThat(last(first.id()).note()).contains(second.number());
        assertThatThrownBy(() -> duplicates.dismiss("jizhou", second.id(), "centre", null))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> duplicates.dismiss("jizhou", second.id(), "centre", "x".repeat(501)))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "note");
    }

    @Test
    public void repeatsAreCountedUpToAHundred() {
        FIX.clock.advance(Duration.ofDays(40));
        double lat = 27.531, lon = 114.931;
        int[] numbers = new int[101];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = duplicates.of("jizhou", report("CM0105", "工地夜间施工噪声 " + i, "工地北门", lat, lon, GRID,
                    null).id()).repeatNumber();
        }
        assertThat(numbers[0]).isEqualTo(1);
        assertThat(numbers[98]).isEqualTo(99);
        assertThat(numbers[99]).isEqualTo(100);
        assertThat(numbers[100]).isEqualTo(100);
    }

    @Test
    public void repeatsCountTheSamePhoneOrPlaceAndCategoryWithinThirtyDays() {
        FIX.clock.advance(Duration.ofDays(40));
        Instant from = FIX.clock.instant();
        double lat = 27.501, lon = 114.981;
        assertThat(duplicates.of("jizhou", report("CM0105", "油烟扰民", "中山路1号", lat, lon, GRID, "138-0000-1111")
                .id()).repeatNumber()).isEqualTo(1);
        FIX.clock.advance(Duration.ofDays(10));
        // same phone (written differently), another place
        CaseView second = report("CM0105", "饭店油烟", "沿江路9号", lat + 5 * M111, lon, GRID, "13800001111");
        assertThat(duplicates.of("jizhou", second.id()).repeatNumber()).isEqualTo(2);
        FIX.clock.advance(Duration.ofDays(10));
        // another phone, 30 m from the first (the second, by the first's phone, is 555 m away)
        CaseView third = report("CM0105", "油烟", "中山路1号", lat + 0.27 * M111, lon, GRID, "13900002222");
        assertThat(duplicates.of("jizhou", third.id()).repeatNumber()).isEqualTo(2);
        // the first's phone again, at the first's place: the first, the second (phone) and the third (place)
        FIX.clock.advance(Duration.ofDays(1));
        assertThat(duplicates.of("jizhou", report("CM0105", "油烟", "中山路1号", lat, lon, GRID, "13800001111").id())
                .repeatNumber()).isEqualTo(4);
        // another category at the same place, same phone: a first report
        assertThat(duplicates.of("jizhou", report("CM0101", "垃圾", "中山路1号", lat, lon, GRID, "13800001111").id())
                .repeatNumber()).isEqualTo(1);
        FIX.clock.advance(Duration.ofDays(25));
        // 46 days after the first, 36 after the second: the third (30 m, 26 days) and the fourth (25 days) count
        assertThat(duplicates.of("jizhou", report("CM0105", "油烟", "中山路1号", lat, lon, GRID, null).id())
                .repeatNumber()).isEqualTo(3);

        KpiFigures f = FIX.kpis.figures("jizhou", from, FIX.clock.instant().plusSeconds(1));
        assertThat(f.reported()).isEqualTo(6);
        assertThat(f.repeated()).isEqualTo(4);
        assertThat(f.repeatRate()).isEqualTo(4 / 6.0);
    }

    static CaseView report(String category, String title, String address, Double lat, Double lon, String grid,
                           String phone) {
        return FIX.cases.report("jizhou", new NewCase(title, null, category, Channel.HOTLINE, lon, lat, address, grid,
                null, phone, List.of(), null), "hotline").kase();
    }

    private static JournalEntry last(UUID id) {
        List<JournalEntry> journal = FIX.cases.journal("jizhou", id);
        return journal.get(journal.size() - 1);
    }

    private static void step(UUID id, CaseAction action) {
        FIX.cases.transition("jizhou", id, new TransitionCommand(action, "centre", "说明", List.of(), null,
                List.of(), null, null, null, null));
    }

    private static void close(UUID id) {
        FIX.cases.transition("jizhou", id, new TransitionCommand(CaseAction.REJECT, "centre", "不予受理", List.of(), null,
                List.of(), null, null, null, null));
        assertThat(FIX.cases.get("jizhou", id).status()).isEqualTo(CaseStatus.REJECTED);
    }
}
