package org.gongzhi.core.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Function;

import org.gongzhi.core.casework.CaseAction;
import org.gongzhi.core.casework.CaseStatus;
import org.gongzhi.core.casework.Channel;
import org.gongzhi.core.service.cases.CaseQuery;
import org.gongzhi.core.service.cases.CaseView;
import org.gongzhi.core.service.cases.NewCase;
import org.gongzhi.core.service.cases.TransitionCommand;
import org.gongzhi.core.service.kpi.KpiFigures;
import org.gongzhi.core.tenant.TenantDefinition;
import org.hibernate.Session;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * Counts over the open cases come from V39's index alone, as the statements are sent: the inbox's count and
 * summary with their filters and scopes, and the KPIs' "open now" pass. Once the table is vacuumed, such a count
 * must neither fetch a case row through that index nor read the table another way; with the covering columns
 * missing, PostgreSQL would fetch every open case's row (at 10,000,000 cases, one page each).
 */
public class OpenCaseCountsTest {

    @ClassRule
    public static final PersistenceFixture FIX = new PersistenceFixture();

    private static final String JIZHOU = "jizhou";
    private static final String GRID = "360802001001001";
    private static final String INDEX = "case_open_counts_idx";

    @BeforeClass
    public static void openAndClosedCases() throws Exception {
        FIX.clock.set(Instant.parse("2026-09-01T01:00:00Z"));
        for (int i = 0; i < 12; i++) {
            CaseView c = FIX.cases.report(JIZHOU, new NewCase("井盖缺失 " + i, null, "CM0101", Channel.HOTLINE, null, null,
                    "阳明路 " + i + " 号", GRID, "张三", "13800000000", List.of(), null), "seat").kase();
            if (i % 4 == 0) {
                step(c, CaseAction.REJECT, null);
            } else {
                c = step(c, CaseAction.REGISTER, null);
                if (i % 3 > 0) {
                    step(c, CaseAction.DISPATCH, i % 3 == 1 ? "CG" : "ZZ");
                }
            }
            FIX.clock.advance(Duration.ofDays(3));
        }
        try (Connection c = FIX.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("vacuum (analyze) case_record"); // sets the visibility map, as autovacuum would
        }
    }

    private static CaseView step(CaseView c, CaseAction action, String lead) {
        return FIX.cases.transition(JIZHOU, c.id(), new TransitionCommand(action, "dispatcher", "说明", List.of(), lead,
                List.of(), null, null, null, null));
    }

    @Test
    public void theInboxCountsItsFiltersAndScopesFromTheIndex() {
        TenantDefinition t = FIX.tenants.require(JIZHOU);
        EnumSet<CaseStatus> open = EnumSet.noneOf(CaseStatus.class);
        for (CaseStatus s : CaseStatus.values()) {
            if (s.isOpen()) {
                open.add(s);
            }
        }
        Instant now = FIX.clock.instant();
        for (CaseQuery q : List.of(CaseQuery.builder().statuses(open).build(),
                CaseQuery.builder().statuses(open).department("CG").build(),
                CaseQuery.builder().statuses(open).grid("360802001").build(),
                CaseQuery.builder().statuses(open).overdue(true).build())) {
            CaseFilter filter = CaseFilter.of(t, q, now);
            long matches = fromIndexOnly(s -> HibernateCaseService.count(s, filter));
            assertThat(matches).isPositive();
            List<Object[]> perStatus = fromIndexOnly(s -> HibernateCaseService.summaryRows(s, filter, now, 24));
            assertThat(perStatus.stream().mapToLong(r -> ((Number) r[1]).longValue()).sum()).isEqualTo(matches);
        }
    }

    @Test
    public void theKpisCountTheCasesOpenNowFromTheIndex() {
        TenantDefinition t = FIX.tenants.require(JIZHOU);
        Instant now = FIX.clock.instant();
        Instant from = now.minus(Duration.ofDays(10));
        KpiQuery query = new KpiQuery(t, null, null, false, null);
        KpiFigures k = query.figures(JIZHOU, from, now, fromIndexOnly(s -> query.run(s, from, now, now)).get(0));

        // 12 cases reported 3 days apart, 3 of them rejected (i = 0, 4, 8): 9 open, 6 reported before the period
        assertThat(k.reported()).as("reported in the last 10 days").isEqualTo(3);
        assertThat(k.pendingNow()).as("open now, whenever reported").isEqualTo(9);
    }

    /**
     * Runs {@code work} in a transaction that may not scan the table or use bitmaps, and checks that it read
     * {@link #INDEX} without fetching a single row through it.
     */
    private static <T> T fromIndexOnly(Function<Session, T> work) {
        return FIX.db.inTenant(JIZHOU, s -> {
            s.doWork(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("set local enable_seqscan = off");
                    st.execute("set local enable_bitmapscan = off");
                }
            });
            long[] before = s.doReturningWork(OpenCaseCountsTest::indexCounters);
            T result = work.apply(s);
            long[] after = s.doReturningWork(OpenCaseCountsTest::indexCounters);
            assertThat(after[0] - before[0]).as("scans of %s", INDEX).isPositive();
            assertThat(after[1] - before[1]).as("case rows fetched through %s", INDEX).isZero();
            return result;
        });
    }

    /** Scans of {@link #INDEX} and rows fetched through it by this connection since its statistics were last sent. */
    private static long[] indexCounters(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select pg_stat_get_xact_numscans(cast(? as regclass)),"
                + " pg_stat_get_xact_tuples_fetched(cast(? as regclass))")) {
            st.setString(1, INDEX);
            st.setString(2, INDEX);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
    }
}
