package org.gongzhi.loopbench;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.engine.HistoryService;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.flowable.task.api.Task;

/**
 * The peer: Flowable 7 in this JVM running the loop as the BPMN process {@code closed-loop.bpmn20.xml}
 * (history {@code AUDIT}, async executor off, no IDM engine or event registry). Starting the instance
 * is intake and registration; then each of the six user tasks is found by a task query and completed
 * with the case's new status (and, at dispatch, its department) as process variables — each
 * {@code complete} one transaction of the engine.
 */
final class FlowableLoop implements LoopEngine {

    static final String PROCESS = "closedLoop";
    /** The user tasks in order, with the status each completion sets. */
    static final List<Map.Entry<String, String>> TASKS = List.of(Map.entry("dispatch", "DISPATCHED"),
            Map.entry("accept", "HANDLING"), Map.entry("feedback", "FEEDBACK"), Map.entry("verify", "VERIFIED"),
            Map.entry("close", "CLOSED"), Map.entry("evaluate", "EVALUATED"));

    private final ProcessEngine engine;
    private final RuntimeService runtime;
    private final TaskService tasks;

    /** Builds the engine on {@code pool} (creating or updating its schema) and deploys the process. */
    FlowableLoop(DataSource pool) {
        StandaloneProcessEngineConfiguration cfg = new StandaloneProcessEngineConfiguration();
        cfg.setDataSource(pool);
        cfg.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        cfg.setHistoryLevel(HistoryLevel.AUDIT);
        cfg.setAsyncExecutorActivate(false);
        cfg.setAsyncHistoryExecutorActivate(false);
        cfg.setDisableIdmEngine(true);
        cfg.setDisableEventRegistry(true);
        cfg.setEngineName("loop-bench");
        this.engine = cfg.buildProcessEngine();
        this.runtime = engine.getRuntimeService();
        this.tasks = engine.getTaskService();
        engine.getRepositoryService().createDeployment().name("loop-bench")
                .addClasspathResource("org/gongzhi/loopbench/closed-loop.bpmn20.xml")
                .enableDuplicateFiltering().deploy();
    }

    @Override
    public String name() {
        return "flowable";
    }

    @Override
    public void loop(int worker, long n) {
        String instance = runtime.startProcessInstanceByKey(PROCESS, worker + "-" + n, Map.of(
                "title", "闭环压测 " + worker + "-" + n, "category", "CM0101", "grid", "360802001001001",
                "channel", "grid-worker", "status", "REGISTERED")).getId();
        for (Map.Entry<String, String> step : TASKS) {
            Task task = tasks.createTaskQuery().processInstanceId(instance).singleResult();
            if (task == null || !task.getTaskDefinitionKey().equals(step.getKey())) {
                throw new IllegalStateException("instance " + instance + ": expected task " + step.getKey()
                        + ", found " + (task == null ? "none" : task.getTaskDefinitionKey()));
            }
            tasks.complete(task.getId(), step.getKey().equals("dispatch")
                    ? Map.of("status", step.getValue(), "leadDepartment", "CG")
                    : Map.of("status", step.getValue()));
        }
    }

    /** The engine's history, for the tests. */
    HistoryService history() {
        return engine.getHistoryService();
    }

    /** The engine's runtime, for the tests. */
    RuntimeService runtime() {
        return runtime;
    }

    @Override
    public void close() {
        engine.close();
    }
}
