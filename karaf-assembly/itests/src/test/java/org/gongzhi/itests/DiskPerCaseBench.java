package org.gongzhi.itests;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.gongzhi.caseloader.CaseLoader;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.ops4j.pax.exam.Option;

/**
 * Disk per million cases, for the capacity model of {@code docs/scale.md} (issue 19): the platform's
 * database before and after loading 200,000 realistic Jizhou cases with their journals (the case
 * loader's mix), per table with its indexes, scaled to a million. Not part of the test command; run
 * {@code ./mvnw -B verify -pl karaf-assembly/itests -am -Dtest=DiskPerCaseBench -Dsurefire.failIfNoSpecifiedTests=false}.
 */
public class DiskPerCaseBench {

    private static final int CASES = 200_000;
    private static BootedPlatform platform;

    @BeforeClass
    public static void platform() throws Exception {
        platform = BootedPlatform.start("disk-bench", http -> new Option[0]);
    }

    @AfterClass
    public static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    public void diskPerMillionCases() throws Exception {
        long before = databaseBytes();
        long start = System.nanoTime();
        CaseLoader.Loaded loaded = platform.loadCases("jizhou", CASES, 365);
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        try (Connection c = platform.database()) {
            c.createStatement().execute("checkpoint");
        } catch (SQLException notAllowed) {
            // the platform's role may not checkpoint; the sizes are read from the files either way
        }
        long after = databaseBytes();
        double perMillion = (after - before) * (1_000_000.0 / CASES);
        System.out.printf("MEASURE disk: %d cases loaded in %d s (%s); database %d MB → %d MB; %.2f GB per million"
                + " cases%n", CASES, seconds, loaded, before >> 20, after >> 20, perMillion / (1L << 30));
        try (Connection c = platform.database(); ResultSet rs = c.createStatement().executeQuery(
                "select c.relname, pg_table_size(c.oid), pg_indexes_size(c.oid), (select count(*) from pg_index i"
                + " where i.indrelid = c.oid) from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                + " where n.nspname = current_schema() and c.relkind = 'r'"
                + " order by pg_total_relation_size(c.oid) desc limit 6")) {
            while (rs.next()) {
                System.out.printf("MEASURE disk: %-20s table %6d MB, %2d indexes %6d MB (per million cases: %.2f GB)%n",
                        rs.getString(1), rs.getLong(2) >> 20, rs.getInt(4), rs.getLong(3) >> 20,
                        (rs.getLong(2) + rs.getLong(3)) * (1_000_000.0 / CASES) / (1L << 30));
            }
        }
    }

    private static long databaseBytes() throws SQLException {
        try (Connection c = platform.database();
                ResultSet rs = c.createStatement().executeQuery("select pg_database_size(current_database())")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
