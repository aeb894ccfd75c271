package org.gongzhi.core.persistence.internal;

import static org.junit.Assume.assumeTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.gongzhi.core.casework.Channel;
import org.gongzhi.core.service.cases.NewCase;
import org.gongzhi.core.tenant.CategoryDefinition;
import org.gongzhi.core.tenant.TenantDefinition;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * Intake latency with duplicate and repeat detection on and off at a large stored-case count (issue 17's
 * target: p99 rises by less than 5 ms at 1,000,000 cases). Runs only when asked:
 * {@code -Dtest=DuplicateDetectionBench -Dbench.cases=1000000}. It writes {@code bench.cases} cases of Jizhou
 * over the last 365 days (10 % open, all with coordinates in an 11 × 15 km area, one phone in 20 repeated)
 * with one SQL statement per 100,000, vacuums and analyses the table, then takes 300 warm-up intakes and 2 × 2,000
 * measured ones, alternating on and off, through {@link HibernateCaseService#report}, and prints
 * p50/p95/p99 of each. Documented in docs/performance.md.
 */
public class DuplicateDetectionBench {

    @ClassRule
    public static final PersistenceFixture FIX = new PersistenceFixture();

    private static final int BATCH = 100_000;

    @Test
    public void intakeWithAndWithoutDetection() throws Exception {
        int stored = Integer.getInteger("bench.cases", 0);
        assumeTrue("set -Dbench.cases to run the benchmark", stored > 0);
        int measured = Integer.getInteger("bench.intakes", 2000);
        Instant now = FIX.clock.instant();
        long t0 = System.nanoTime();
        FIX.db.inTenant("jizhou", s -> {
            s.doWork(c -> fill(c, stored, now));
            return null;
        });
        // what autovacuum does to a table that grew over a year (and would otherwise do during the measurement)
        try (Connection c = FIX.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("vacuum analyze case_record");
        }
        System.out.printf("bench: %,d cases written and analysed in %d s%n", stored, (System.nanoTime() - t0) / 1_000_000_000);

        TenantDefinition t = FIX.tenants.require("jizhou");
        List<CategoryDefinition> leaves = t.categories().stream().filter(CategoryDefinition::leaf)
                .filter(c -> !t.emergency().commandPost(c.code())).toList();
        Random rnd = new Random(7);
        for (int i = 0; i < 300; i++) {
            FIX.cases.detectDuplicates(i % 2 == 0);
            intake(rnd, leaves);
        }
        long[] on = new long[measured];
        long[] off = new long[measured];
        for (int i = 0; i < measured; i++) {
            FIX.cases.detectDuplicates(true);
            on[i] = intake(rnd, leaves);
            FIX.cases.detectDuplicates(false);
            off[i] = intake(rnd, leaves);
        }
        FIX.cases.detectDuplicates(true);
        System.out.printf("bench: %,d stored cases, %d intakes each: detection on  p50 %.2f ms, p95 %.2f ms, p99 %.2f ms%n",
                stored, measured, pct(on, 50), pct(on, 95), pct(on, 99));
        System.out.printf("bench: %,d stored cases, %d intakes each: detection off p50 %.2f ms, p95 %.2f ms, p99 %.2f ms%n",
                stored, measured, pct(off, 50), pct(off, 95), pct(off, 99));
        System.out.printf("bench: p99 difference %.2f ms%n", pct(on, 99) - pct(off, 99));
    }

    private static long intake(Random rnd, List<CategoryDefinition> leaves) {
        CategoryDefinition cat = leaves.get(rnd.nextInt(leaves.size()));
        double lat = 27.05 + rnd.nextDouble() * 0.10;
        double lon = 114.90 + rnd.nextDouble() * 0.15;
        String phone = "139" + String.format("%08d", rnd.nextInt(50_000));
        NewCase c = new NewCase(cat.name() + "，请尽快处理", null, cat.code(), Channel.HOTLINE, lon, lat,
                "阳明路" + (1 + rnd.nextInt(300)) + "号", "360802001001", null, phone, List.of(), null);
        long start = System.nanoTime();
        FIX.cases.report("jizhou", c, "hotline");
        return System.nanoTime() - start;
    }

    /** Writes {@code n} cases with SQL, 100,000 per statement. */
    private static void fill(Connection c, int n, Instant now) throws java.sql.SQLException {
        String sql = """
                insert into case_record (id, tenant_id, case_number, title, category_code, family, channel, status, tier,
                    grid_code, grid_path, longitude, latitude, address, reporter_phone, phone_hash, reported_at, version)
                select gen_random_uuid(), 'jizhou', '360802-BENCH-' || g, '暴露垃圾，请尽快处理', 'CM0101', 'CITY_MANAGEMENT',
                    'hotline', case when g % 10 = 0 then 'REPORTED' else 'CLOSED' end, 'SIMPLE', '360802001001',
                    '360802/360802001/360802001001', 114.90 + random() * 0.15, 27.05 + random() * 0.10,
                    '阳明路' || (g % 300) || '号', '139' || lpad((g % 50000)::text, 8, '0'),
                    encode(sha256(convert_to('139' || lpad((g % 50000)::text, 8, '0'), 'UTF8')), 'hex'),
                    ?::timestamptz - (random() * interval '365 days'), 0
                from generate_series(?, ?) g""";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int from = 1; from <= n; from += BATCH) {
                ps.setString(1, now.toString());
                ps.setInt(2, from);
                ps.setInt(3, Math.min(n, from + BATCH - 1));
                ps.executeUpdate();
            }
        }
    }

    private static double pct(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, i)] / 1_000_000.0;
    }
}
