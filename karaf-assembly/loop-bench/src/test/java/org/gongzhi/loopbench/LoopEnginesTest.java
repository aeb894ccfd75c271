package org.gongzhi.loopbench;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;

import org.flowable.engine.history.HistoricProcessInstance;
import org.flowable.task.api.history.HistoricTaskInstance;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.gongzhi.cli.ProcCpu;

/** Each engine, on the bench's embedded PostgreSQL, leaves exactly what whole loops leave. */
public class LoopEnginesTest {

    private static BenchPostgres pg;
    private static HikariDataSource pool;

    @BeforeClass
    public static void start() throws Exception {
        pg = BenchPostgres.embedded();
        pool = pg.pool("test", 2);
    }

    @AfterClass
    public static void stop() throws Exception {
        if (pool != null) {
            pool.close();
        }
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    public void theEmbeddedServerFlushesEveryCommit() throws Exception {
        Map<String, String> s = pg.settings();
        assertEquals("on", s.get("fsync"));
        assertEquals("on", s.get("synchronous_commit"));
        assertTrue("the postmaster is a process of this host", pg.postmasterPid() > 0);
    }

    @Test
    public void theJdbcLoopCommitsSevenTransactionsPerCaseWithEightJournalRowsAndOneDispatch() throws Exception {
        JdbcLoop jdbc = new JdbcLoop(pool);
        long before = count("select count(*) from loop_case");
        for (int n = 0; n < 3; n++) {
            jdbc.loop(0, n);
        }
        assertEquals(before + 3, count("select count(*) from loop_case"));
        assertEquals("every case evaluated, version 7 (registered at 1, six transitions after), with its times", 0,
                count("select count(*) from loop_case where status <> 'EVALUATED' or version <> 7 "
                        + "or satisfaction is distinct from 5 or registered_at is null or dispatched_at is null "
                        + "or feedback_at is null or closed_at is null or due_at is null or lead_department is null"));
        List<String> journals = strings("select string_agg(seq || ':' || coalesce(action, '-') || ':' || to_status, ' ' "
                + "order by seq) from loop_journal group by case_id");
        assertEquals(before + 3, journals.size());
        journals.forEach(j -> assertEquals("1:-:REPORTED 2:register:REGISTERED 3:dispatch:DISPATCHED 4:accept:HANDLING "
                + "5:feedback:FEEDBACK 6:verify-pass:VERIFIED 7:close:CLOSED 8:evaluate:EVALUATED", j));
        assertEquals("seven transactions per case: intake and registration in the first", List.of("7"),
                strings("select distinct count(distinct txid) from loop_journal group by case_id"));
        assertEquals("the report and the registration share a transaction", 0,
                count("select count(*) from loop_journal a join loop_journal b on a.case_id = b.case_id "
                        + "and a.seq = 1 and b.seq = 2 where a.txid <> b.txid"));
        assertEquals("one pending dispatch per case", 0, count("select count(*) from loop_case c where "
                + "(select count(*) from loop_dispatch d where d.case_id = c.id and d.state = 'PENDING') <> 1"));
    }

    @Test
    public void theFlowableLoopFinishesEachProcessThroughItsSixTasks() {
        try (FlowableLoop flowable = new FlowableLoop(pool)) {
            long before = flowable.history().createHistoricProcessInstanceQuery().count();
            for (int n = 0; n < 3; n++) {
                flowable.loop(0, n);
            }
            List<HistoricProcessInstance> all = flowable.history().createHistoricProcessInstanceQuery()
                    .processDefinitionKey(FlowableLoop.PROCESS).list();
            assertEquals(before + 3, all.size());
            assertEquals("no instance left running", 0, flowable.runtime().createProcessInstanceQuery().count());
            List<String> expected = FlowableLoop.TASKS.stream().map(Map.Entry::getKey).toList();
            for (HistoricProcessInstance p : all) {
                assertTrue("finished: " + p.getId(), p.getEndTime() != null);
                List<HistoricTaskInstance> tasks = flowable.history().createHistoricTaskInstanceQuery()
                        .processInstanceId(p.getId()).finished().orderByHistoricTaskInstanceEndTime().asc().list();
                assertEquals(expected, tasks.stream().map(HistoricTaskInstance::getTaskDefinitionKey).toList());
                assertEquals("EVALUATED", flowable.history().createHistoricVariableInstanceQuery()
                        .processInstanceId(p.getId()).variableName("status").singleResult().getValue());
            }
        }
    }

    @Test
    public void aClosedLoopRunCountsTheLoopsItMade() throws Exception {
        JdbcLoop jdbc = new JdbcLoop(pool);
        long before = count("select count(*) from loop_case where status = 'EVALUATED'");
        long postmaster = pg.postmasterPid();
        ClosedLoopRun.Point p = ClosedLoopRun.run(jdbc, 2, Duration.ZERO, Duration.ofSeconds(1),
                () -> ProcCpu.server(postmaster));
        assertEquals(0, p.errors());
        assertTrue("loops: " + p.loops(), p.loops() > 0);
        assertEquals(before + p.loops(), count("select count(*) from loop_case where status = 'EVALUATED'"));
        assertTrue("p50 " + p.p50Ms() + " <= p99 " + p.p99Ms(), p.p50Ms() > 0 && p.p50Ms() <= p.p99Ms());
        assertTrue("PostgreSQL worked: " + p.postgresCpuMsPerLoop(), p.postgresCpuMsPerLoop() > 0);
        assertTrue("this JVM worked: " + p.engineCpuMsPerLoop(), p.engineCpuMsPerLoop() > 0);
    }

    private static long count(String sql) throws Exception {
        return Long.parseLong(strings(sql).get(0));
    }

    private static List<String> strings(String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = pool.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
