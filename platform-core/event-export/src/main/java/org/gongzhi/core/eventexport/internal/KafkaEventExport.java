package org.gongzhi.core.eventexport.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.support.DefaultMessage;
import org.gongzhi.core.camel.BundleCamel;
import org.gongzhi.core.service.events.CaseEvent;
import org.gongzhi.core.service.events.CaseEventExports;
import org.gongzhi.core.service.events.CaseEventListener;
import org.gongzhi.core.service.events.CaseEvents;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes every case event to Apache Kafka for the city's big-data platform (issue 19, ADR 0044),
 * when {@code enabled} in PID {@value #PID}. The journal is the outbox: this node takes the export's
 * lease ({@link CaseEventExports}), sends the events after the export's cursor through camel-kafka
 * (idempotent producer, {@code acks=all}, one record per event: the family's topic, the district as
 * key, {@link EventRecords} as value, the event id in header {@value #EVENT_ID_HEADER}), waits for
 * every acknowledgement and then advances the cursor. A failed send is retried from the same cursor,
 * so delivery is at least once and consumers de-duplicate by event id. It wakes on every live event
 * and at least every {@code idleMillis}; only the node holding the lease sends.
 */
@Component(immediate = true, configurationPid = KafkaEventExport.PID)
@Designate(ocd = KafkaEventExport.Config.class)
public final class KafkaEventExport {

    static final String PID = "org.gongzhi.events.kafka";
    /** The Kafka header with the event's id, for consumers that de-duplicate. */
    static final String EVENT_ID_HEADER = "gongzhi-event-id";
    private static final Logger LOG = LoggerFactory.getLogger(KafkaEventExport.class);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    @ObjectClassDefinition(name = "Gongzhi event export to Kafka",
            description = "Every case event to Apache Kafka, for the city's big-data platform")
    public @interface Config {
        @AttributeDefinition(description = "Publish the events (off by default)")
        boolean enabled() default false;

        @AttributeDefinition(description = "Kafka's bootstrap servers, host:port[,host:port]")
        String bootstrapServers() default "127.0.0.1:9092";

        @AttributeDefinition(description = "Prefix of the topics: <prefix>case-reports, case-dispatches, "
                + "department-updates, case-evaluations, case-transitions")
        String topicPrefix() default "gongzhi.";

        @AttributeDefinition(description = "Name of the export: its position in the journal is kept under it")
        String export() default "city-bigdata";

        @AttributeDefinition(description = "This node's name in the export's lease; unique per node "
                + "(default: karaf.name@host#pid)")
        String node() default "";

        @AttributeDefinition(description = "Most events sent at once")
        int batchSize() default 1000;

        @AttributeDefinition(description = "Longest wait in ms when no event wakes the export")
        long idleMillis() default 1000;

        @AttributeDefinition(description = "Lease of the export in seconds: how long another node waits when this one dies")
        long leaseSeconds() default 30;

        @AttributeDefinition(description = "The first time the export runs: publish the events since this instant "
                + "(ISO-8601, e.g. 2026-12-01T00:00:00Z); empty: from then on only")
        String startFrom() default "";
    }

    /** The settings in force, with defaults applied. */
    record Settings(String brokers, String prefix, String export, String node, int batchSize, Duration idle,
                    Duration lease, Optional<Instant> startFrom) {

        static Settings of(Config c) {
            Optional<Instant> from = Optional.empty();
            if (!c.startFrom().isBlank()) {
                try {
                    from = Optional.of(Instant.parse(c.startFrom().strip()));
                } catch (DateTimeParseException e) {
                    LOG.warn("{}: startFrom is not an ISO-8601 instant, ignored: {}", PID, c.startFrom());
                }
            }
            return new Settings(c.bootstrapServers().strip(), c.topicPrefix().strip(), c.export().strip(),
                    c.node().isBlank() ? BundleCamel.defaultNode("/events") : c.node().strip(),
                    Math.max(1, Math.min(10_000, c.batchSize())), Duration.ofMillis(Math.max(20, c.idleMillis())),
                    Duration.ofSeconds(Math.max(5, c.leaseSeconds())), from);
        }
    }

    private final Settings settings;
    private final CaseEventExports exports;
    private final Semaphore wake = new Semaphore(0);
    private final ExportCamel camel;
    private final ProducerTemplate producer;
    private final String endpoint;
    private final CaseEvents.Subscription subscription;
    private final Thread thread;
    private volatile boolean running = true;

    @Activate
    public KafkaEventExport(Config config, @Reference CaseEventExports exports, @Reference CaseEvents events) {
        this.settings = Settings.of(config);
        this.exports = exports;
        if (!config.enabled()) {
            LOG.info("Event export to Kafka is off (set enabled = true in {}.cfg)", PID);
            camel = null;
            producer = null;
            endpoint = null;
            subscription = null;
            thread = null;
            return;
        }
        settings.startFrom().filter(from -> exports.state(settings.export()).isEmpty())
                .ifPresent(from -> LOG.info("Event export {} starts with the {} events since {}", settings.export(),
                        exports.replayFrom(settings.export(), from), from));
        camel = new ExportCamel();
        producer = camel.camel().createProducerTemplate();
        // the topic in the URI is a default only: every record names its family's topic
        endpoint = "kafka:" + settings.prefix() + EventRecords.Family.TRANSITION.topic + "?brokers=" + settings.brokers()
                + "&requestRequiredAcks=all&enableIdempotence=true&lingerMs=5&retries=10&batchWithIndividualHeaders=true"
                + "&deliveryTimeoutMs=30000&requestTimeoutMs=10000&maxBlockMs=10000"
                + "&keySerializer=org.apache.kafka.common.serialization.StringSerializer"
                + "&valueSerializer=org.apache.kafka.common.serialization.StringSerializer";
        subscription = events.subscribe(null, null, new CaseEventListener() {
            @Override
            public void onCase(CaseEvent event) {
                wake.release();
            }
        });
        thread = new Thread(this::run, "gongzhi-event-export");
        thread.setDaemon(true);
        thread.start();
        LOG.info("Event export {} to Kafka at {} (topics {}…) started on node {}", settings.export(), settings.brokers(),
                settings.prefix(), settings.node());
    }

    @Deactivate
    void stop() throws InterruptedException {
        running = false;
        if (thread == null) {
            return;
        }
        subscription.close();
        thread.interrupt();
        thread.join(10_000);
        camel.stop();
    }

    private void run() {
        Duration pause = Duration.ZERO;
        while (running) {
            try {
                int sent = exportOnce();
                pause = Duration.ZERO;
                if (sent < settings.batchSize()) {
                    wake.tryAcquire(settings.idle().toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                pause = pause.isZero() ? Duration.ofSeconds(1) : min(pause.multipliedBy(2), LONGEST_PAUSE);
                LOG.warn("Event export {} failed; retried in {} s from the same position: {}", settings.export(),
                        pause.toSeconds(), e.toString());
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Sends the next batch if this node holds the export; how many events were sent and acknowledged. */
    int exportOnce() {
        Optional<List<CaseEvent>> next = exports.next(settings.export(), settings.node(), settings.lease(),
                settings.batchSize());
        if (next.isEmpty() || next.get().isEmpty()) {
            return 0;
        }
        List<CaseEvent> batch = next.get();
        List<Message> records = new ArrayList<>(batch.size());
        for (CaseEvent e : batch) {
            Message m = new DefaultMessage(camel.camel());
            m.setBody(EventRecords.value(e));
            m.setHeader(KafkaConstants.KEY, e.tenant());
            m.setHeader(KafkaConstants.OVERRIDE_TOPIC, EventRecords.topic(settings.prefix(), e));
            m.setHeader(EVENT_ID_HEADER, e.id());
            records.add(m);
        }
        Exchange sent = producer.send(endpoint, ex -> ex.getIn().setBody(records));
        if (sent.getException() != null) {
            throw new IllegalStateException("Kafka did not take " + batch.size() + " events", sent.getException());
        }
        String last = batch.get(batch.size() - 1).id();
        if (!exports.advance(settings.export(), settings.node(), last)) {
            LOG.info("Event export {}: the lease passed to another node while sending; it sends from the same"
                    + " position (at least once)", settings.export());
        }
        return batch.size();
    }

    /** The bundle's own Camel context with camel-kafka. */
    private static final class ExportCamel extends BundleCamel {
        ExportCamel() {
            super("gongzhi-event-export", KafkaEventExport.class, context -> { });
        }
    }
}
