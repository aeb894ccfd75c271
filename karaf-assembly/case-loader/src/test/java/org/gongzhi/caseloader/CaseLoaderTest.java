package org.gongzhi.caseloader;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.gongzhi.core.casework.CaseStatus;
import org.gongzhi.core.tenant.TenantDefinition;
import org.gongzhi.core.tenant.TenantDefinitionReader;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The loader against a real PostgreSQL with the platform's own schema (the persistence bundle's
 * Flyway scripts, applied in order): rows the platform's constraints accept, journals that replay
 * to the case's status, numbers from the platform's sequence, every status, dispatch around 3 min.
 */
public class CaseLoaderTest {

    private static EmbeddedPostgres postgres;
    private static TenantDefinition jizhou;

    @BeforeClass
    public static void schema() throws IOException, SQLException {
        postgres = EmbeddedPostgres.builder().start();
        jizhou = new TenantDefinitionReader().read(Path.of("../../tenants/jizhou"));
        try (Connection c = connection(); Statement s = c.createStatement()) {
            for (Path script : migrations()) {
                s.execute(Files.readString(script));
            }
            s.execute("insert into tenant (id, name, admin_code) values ('jizhou', '吉州区', '" + jizhou.adminCode() + "')");
        }
    }

    @AfterClass
    public static void stop() throws IOException {
        postgres.close();
    }

    @Test
    public void aYearOfCasesWithConsistentJournalsAndTheNextNumbersLeftToThePlatform() throws SQLException {
        Instant now = Instant.now();
        try (Connection c = connection()) {
            long before = CaseLoader.count(c, "jizhou");
            long journalBefore = single(c, "select count(*) from case_journal");
            CaseLoader.Loaded loaded = new CaseLoader(jizhou, 7).load(c, 6_000, now, 365);
            assertEquals(6_000, loaded.cases());
            assertEquals(before + 6_000, CaseLoader.count(c, "jizhou"));
            assertEquals(loaded.journal(), single(c, "select count(*) from case_journal") - journalBefore);

            // journals: seq 1..k, each entry leaves from the previous entry's status, the last one is the case's
            assertEquals(0, single(c, """
                    select count(*) from case_record c where c.tenant_id = 'jizhou' and (
                       c.version + 1 <> (select count(*) from case_journal j where j.case_id = c.id)
                    or c.status <> (select j.to_status from case_journal j where j.case_id = c.id order by seq desc limit 1)
                    or (select max(seq) from case_journal j where j.case_id = c.id) <> c.version + 1)"""));
            assertEquals(0, single(c, """
                    select count(*) from case_journal a join case_journal b on b.case_id = a.case_id and b.seq = a.seq + 1
                     where a.to_status <> b.from_status"""));
            // numbers: the district's code and the reporting day; the sequence is past every one of them
            assertEquals(0, single(c, "select count(*) from case_record where case_number !~ '^" + jizhou.adminCode()
                    + "-[0-9]{8}-[0-9]{6}$' or case_number <> '" + jizhou.adminCode()
                    + "-' || to_char(reported_at at time zone 'Asia/Shanghai', 'YYYYMMDD') || '-' || substr(case_number, 17)"));
            long next = single(c, "select nextval('case_number_seq')");
            assertTrue(next > single(c, "select max(cast(substr(case_number, 17) as bigint)) from case_record"));
            // grid paths run from the district to the case's grid
            assertEquals(0, single(c, "select count(*) from case_record where grid_code is not null and (grid_path not like '"
                    + jizhou.grids().root().code() + "/%' or grid_path not like '%' || grid_code)"));
            assertTrue(single(c, "select count(distinct split_part(grid_path, '/', 2)) from case_record") > 1);
            // closure facts agree with each other
            assertEquals(0, single(c, """
                    select count(*) from case_record where (closed_at is null) <> (status not in ('CLOSED', 'EVALUATED'))
                       or (closed_at is not null and closed_on_time <> (closed_at <= due_at))
                       or (status = 'REJECTED' and registered_at is not null)"""));
            // report → dispatch around the 3-minute target
            long median = single(c, "select cast(percentile_cont(0.5) within group (order by extract(epoch from dispatched_at - reported_at)) as bigint) from case_record");
            assertTrue("median dispatch " + median + " s", median > 100 && median < 200);
            long within = single(c, "select 100 * count(*) filter (where dispatched_at - reported_at <= interval '3 minutes') / count(*) from case_record where dispatched_at is not null");
            assertTrue("within 3 minutes: " + within + " %", within > 55 && within < 85);
            assertTrue("some overdue", single(c, "select count(*) from case_record where status not in ('CLOSED', 'EVALUATED', 'REJECTED', 'POSTPONED') and due_at < now()") > 0);
        }
    }

    @Test
    public void recentCasesAreOpenAtEveryStage() throws SQLException {
        try (Connection c = connection()) {
            // a fixed "now" on a working morning: the few minutes in which a case is registered but not yet
            // dispatched hold cases whatever the hour this test runs at
            new CaseLoader(jizhou, 11).load(c, 10_000, Instant.parse("2026-11-04T02:30:00Z"), 1);
            Set<String> statuses = new HashSet<>();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select distinct status from case_record")) {
                while (r.next()) {
                    statuses.add(r.getString(1));
                }
            }
            for (CaseStatus status : CaseStatus.values()) {
                assertTrue("a case " + status + " among " + statuses, statuses.contains(status.name()));
            }
        }
    }

    private static Connection connection() throws SQLException {
        return postgres.getPostgresDatabase().getConnection();
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** The persistence bundle's Flyway scripts, V1 … Vn in version order. */
    private static List<Path> migrations() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("../../platform-core/persistence/src/main/resources/db/migration"))) {
            return files.filter(p -> p.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .sorted(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString().replaceAll("^V(\\d+)__.*", "$1"))))
                    .toList();
        }
    }
}
