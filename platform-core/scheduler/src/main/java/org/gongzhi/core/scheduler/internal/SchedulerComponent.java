package org.gongzhi.core.scheduler.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.gongzhi.core.service.schedule.ScheduledWork;
import org.gongzhi.core.service.schedule.StoredSchedule;
import org.gongzhi.core.service.schedule.StoredSchedules;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link ScheduledWork} services of this node on the cluster's shared schedule. Starts once
 * the platform's data source is there and the schema is migrated (the {@link TenantDirectory} is
 * registered only after Flyway ran, V19 made Quartz's tables); works that arrive earlier are kept and
 * stored before the first firing is taken. As {@link StoredSchedules} it shows the operator the stored
 * schedules of the cluster and deletes orphaned ones.
 */
@Component(service = StoredSchedules.class, immediate = true, configurationPid = "org.gongzhi.scheduler")
@Designate(ocd = SchedulerComponent.Config.class)
public final class SchedulerComponent implements StoredSchedules {

    private static final Logger LOG = LoggerFactory.getLogger(SchedulerComponent.class);

    @ObjectClassDefinition(name = "Gongzhi scheduler", description = "Quartz clustered on the platform database")
    public @interface Config {
        @AttributeDefinition(description = "This node's instance id; AUTO = host name and start time (unique per node)")
        String instanceId() default "AUTO";

        @AttributeDefinition(description = "Works that may run at the same time on this node")
        int threads() default 4;

        @AttributeDefinition(description = "Milliseconds between a node's check-ins; a node silent for longer is taken over")
        long checkinIntervalMillis() default 7500;

        @AttributeDefinition(description = "Milliseconds a firing may be late before it counts as missed (then it fires once)")
        long misfireThresholdMillis() default 5000;
    }

    private final WorkScheduler works = new WorkScheduler(Instant::now);
    private final ClusteredScheduler cluster;
    private final ScheduleHolders holders;
    private final ScheduleBook book;

    @Activate
    public SchedulerComponent(@Reference(target = "(gongzhi.datasource=main)") DataSource dataSource,
            @Reference TenantDirectory schemaReady, Config config) throws SchedulerException {
        this.cluster = new ClusteredScheduler(dataSource, new ClusteredScheduler.Settings(config.instanceId(),
                config.threads(), config.checkinIntervalMillis(), config.misfireThresholdMillis()));
        this.holders = new ScheduleHolders(dataSource);
        this.book = new ScheduleBook(cluster.scheduler(), holders);
    }

    @Override
    public List<StoredSchedule> list() {
        return book.list();
    }

    @Override
    public StoredSchedule deleteOrphan(String name) {
        return book.deleteOrphan(name);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addWork(ScheduledWork work, Map<String, Object> properties) {
        works.add(work, properties);
    }

    void removeWork(ScheduledWork work, Map<String, Object> properties) {
        works.remove(work, properties);
    }

    /** After the works present at activation are bound: store their schedules, then take firings. */
    @Activate
    void start() throws SchedulerException {
        try {
            works.attach(cluster.scheduler(), holders);
            cluster.start();
        } catch (SchedulerException | RuntimeException e) {
            works.detach();
            cluster.close();
            throw e;
        }
        LOG.info("Scheduler started on node {} (clustered on the platform database)", cluster.instanceId());
    }

    @Deactivate
    void stop() throws SchedulerException {
        works.detach();
        cluster.close();
    }
}
