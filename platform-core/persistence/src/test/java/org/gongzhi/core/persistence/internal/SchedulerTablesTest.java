package org.gongzhi.core.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.junit.ClassRule;
import org.junit.Test;

/** V19: Quartz's tables, created from the script in Quartz's jar (ADR 0027). */
public class SchedulerTablesTest {

    @ClassRule
    public static final PersistenceFixture DB = new PersistenceFixture();

    @Test
    public void theMigrationCreatesEveryTableOfQuartzsScript() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection c = DB.dataSource().getConnection();
                ResultSet rs = c.createStatement().executeQuery(
                        "select table_name from information_schema.tables where table_name like 'qrtz%' order by 1")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        assertThat(tables).containsExactly("qrtz_blob_triggers", "qrtz_calendars", "qrtz_cron_triggers",
                "qrtz_fired_triggers", "qrtz_job_details", "qrtz_locks", "qrtz_paused_trigger_grps",
                "qrtz_scheduler_state", "qrtz_simple_triggers", "qrtz_simprop_triggers", "qrtz_triggers");
        try (Connection c = DB.dataSource().getConnection();
                ResultSet rs = c.createStatement().executeQuery(
                        "select description, success from flyway_core_history where version = '19'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("scheduler");
            assertThat(rs.getBoolean(2)).isTrue();
        }
    }

    @Test
    public void onlyTheCreateStatementsOfTheScriptRun() {
        List<String> statements = SchedulerTables.statements(SchedulerTables.script());
        assertThat(statements).allMatch(s -> s.startsWith("CREATE TABLE") || s.startsWith("CREATE INDEX"));
        assertThat(statements).filteredOn(s -> s.startsWith("CREATE TABLE")).hasSize(11);
        assertThat(SchedulerTables.statements("-- note\nDROP TABLE IF EXISTS X;\nCREATE TABLE X (A INT);\ncommit;"))
                .containsExactly("CREATE TABLE X (A INT)");
        assertThatThrownBy(() -> SchedulerTables.statements("CREATE TABLE X (A INT);\nDELETE FROM X;"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("DELETE FROM X");
    }
}
