package org.gongzhi.core.scheduler.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.gongzhi.core.service.schedule.ScheduledWork;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.listeners.JobListenerSupport;

/** The whiteboard on a real Quartz scheduler with its in-memory store (the clustered store: {@link TwoNodesTest}). */
public class WorkSchedulerTest {

    private static final AtomicInteger SCHEDULERS = new AtomicInteger();
    private Scheduler quartz;
    private Clock clock = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);
    private WorkScheduler works;

    @Before
    public void quartz() throws SchedulerException {
        Properties p = new Properties();
        p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, "test-" + SCHEDULERS.incrementAndGet());
        p.setProperty("org.quartz.threadPool.threadCount", "2");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        quartz = new StdSchedulerFactory(p).getScheduler();
        works = new WorkScheduler(() -> clock.instant());
    }

    @After
    public void stop() throws SchedulerException {
        quartz.shutdown(true);
    }

    private static Map<String, Object> every(String name, long seconds) {
        return Map.of(ScheduledWork.NAME, name, ScheduledWork.EVERY_SECONDS, seconds);
    }

    private Trigger stored(String name) throws SchedulerException {
        return quartz.getTrigger(TriggerKey.triggerKey(name, WorkSchedule.GROUP));
    }

    @Test
    public void worksRegisteredBeforeTheSchedulerAreStoredWhenItArrives() throws SchedulerException {
        works.add(at -> { }, every("early", 60));
        assertThat(stored("early")).isNull();
        works.attach(quartz);
        assertThat(stored("early").getNextFireTime().toInstant()).isEqualTo(clock.instant().plusSeconds(60));
        works.add(at -> { }, every("late", 30));
        assertThat(stored("late")).isNotNull();
    }

    @Test
    public void reRegisteringKeepsTheStoredTriggerAndAChangeReplacesIt() throws SchedulerException {
        works.attach(quartz);
        ScheduledWork work = at -> { };
        works.add(work, every("sweep", 60));
        Instant next = stored("sweep").getNextFireTime().toInstant();

        works.remove(work, every("sweep", 60));
        assertThat(works.work("sweep")).isNull();
        assertThat(stored("sweep")).as("unregistering keeps the schedule").isNotNull();

        clock = Clock.offset(clock, Duration.ofSeconds(45));
        works.add(work, every("sweep", 60));
        assertThat(stored("sweep").getNextFireTime().toInstant()).as("same schedule: kept").isEqualTo(next);

        works.remove(work, every("sweep", 60));
        works.add(work, every("sweep", 120));
        assertThat(stored("sweep").getNextFireTime().toInstant()).as("changed: replaced")
                .isEqualTo(clock.instant().plusSeconds(120));
        assertThat(quartz.getJobKeys(org.quartz.impl.matchers.GroupMatcher.anyJobGroup()))
                .containsExactly(JobKey.jobKey("sweep", WorkSchedule.GROUP));
    }

    @Test
    public void aSecondWorkUnderTheSameNameOrWithoutAScheduleIsIgnored() throws SchedulerException {
        works.attach(quartz);
        ScheduledWork first = at -> { };
        works.add(first, every("sweep", 60));
        works.add(at -> { }, every("sweep", 5));
        assertThat(works.work("sweep")).isSameAs(first);
        assertThat(stored("sweep").getNextFireTime().toInstant()).isEqualTo(clock.instant().plusSeconds(60));
        works.add(at -> { }, Map.of(ScheduledWork.NAME, "nothing"));
        assertThat(stored("nothing")).isNull();
        assertThat(works.work("nothing")).isNull();
        // removing the ignored one does not remove the first
        works.remove(at -> { }, every("sweep", 5));
        assertThat(works.work("sweep")).isSameAs(first);
    }

    @Test
    public void aFiringRunsTheWorkWithItsDueTimeAndSurvivesFailuresAndAbsence() throws SchedulerException {
        clock = Clock.systemUTC();
        works.attach(quartz);
        quartz.start();
        List<Instant> due = new CopyOnWriteArrayList<>();
        AtomicInteger failures = new AtomicInteger();
        ScheduledWork failing = at -> {
            failures.incrementAndGet();
            throw new IllegalStateException("work failed on purpose");
        };
        works.add(failing, every("tick", 1));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> failures.get() >= 2);

        AtomicInteger firings = new AtomicInteger();
        quartz.getListenerManager().addJobListener(new JobListenerSupport() {
            @Override
            public String getName() {
                return "count";
            }

            @Override
            public void jobWasExecuted(JobExecutionContext context, JobExecutionException e) {
                firings.incrementAndGet();
            }
        });
        works.remove(failing, every("tick", 1));
        int failed = failures.get();
        int before = firings.get();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> firings.get() >= before + 2);
        assertThat(failures.get()).as("nothing ran while the work was away").isEqualTo(failed);
        assertThat(stored("tick")).as("a firing without the work keeps the schedule").isNotNull();

        works.add(due::add, every("tick", 1));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> due.size() >= 2);
        assertThat(failures.get()).isEqualTo(failed);
        assertThat(due.get(1).toEpochMilli() - due.get(0).toEpochMilli()).isEqualTo(1000);
    }
}
