package org.gongzhi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.gongzhi.kafka.runner.LocalKafka;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.ops4j.pax.exam.Option;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * The case events published to a real Kafka broker (KRaft, started by the test from Maven) for the
 * city's big-data platform (issue 19): each event once per family topic, keyed by district, valid
 * against {@code docs/events/case-event.v1.schema.json}, with no personal data; and none lost while
 * the broker is down and restarted (the platform keeps answering meanwhile).
 */
public class EventExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Schema SCHEMA = schema();
    private static LocalKafka kafka;
    private static BootedPlatform platform;
    private static Reader reader;

    @BeforeClass
    public static void brokerAndPlatform() throws IOException {
        kafka = LocalKafka.at(Path.of("target/kafka-events")).start();
        platform = BootedPlatform.start("events", http -> new Option[] {
            editConfigurationFilePut("etc/org.gongzhi.events.kafka.cfg", "enabled", "true"),
            editConfigurationFilePut("etc/org.gongzhi.events.kafka.cfg", "bootstrapServers", kafka.bootstrapServers()),
            editConfigurationFilePut("etc/org.gongzhi.events.kafka.cfg", "idleMillis", "200"),
        });
        reader = new Reader(kafka.bootstrapServers());
    }

    @AfterClass
    public static void stop() {
        if (reader != null) {
            reader.close();
        }
        if (platform != null) {
            platform.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    private static Schema schema() {
        try {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(
                    Files.readString(Path.of("../../docs/events/case-event.v1.schema.json"), StandardCharsets.UTF_8),
                    InputFormat.JSON);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Reads every topic of the platform on a thread of its own, from the beginning. */
    private static final class Reader implements AutoCloseable {
        final List<ConsumerRecord<String, String>> records = new CopyOnWriteArrayList<>();
        private final Thread thread;
        private volatile boolean open = true;

        Reader(String brokers) {
            thread = new Thread(() -> {
                try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", brokers,
                        "group.id", "big-data-platform", "auto.offset.reset", "earliest",
                        "metadata.max.age.ms", "1000"), new StringDeserializer(), new StringDeserializer())) {
                    consumer.subscribe(Pattern.compile("gongzhi\\..*"));
                    while (open) {
                        try {
                            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                        } catch (RuntimeException brokerAway) {
                            // the broker is being restarted: poll again
                        }
                    }
                }
            }, "big-data-platform");
            thread.setDaemon(true);
            thread.start();
        }

        List<JsonNode> of(String caseId) {
            List<JsonNode> out = new ArrayList<>();
            for (ConsumerRecord<String, String> r : records) {
                JsonNode v = parse(r.value());
                if (caseId.equals(v.path("caseId").asText())) {
                    out.add(v);
                }
            }
            return out;
        }

        @Override
        public void close() {
            open = false;
        }
    }

    private static JsonNode parse(String value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + value, e);
        }
    }

    private static String report(Api api, String district, String grid) throws Exception {
        Api.Reply r = api.post("/api/v1/tenants/" + district + "/cases", Map.of("title", "井盖缺失 张三 13907961234",
                "categoryCode", "CM0101", "channel", "hotline", "gridCode", grid));
        assertEquals(r.body().toString(), 201, r.status());
        return r.text("id");
    }

    @Test
    public void everyEventReachesItsFamilysTopicKeyedByDistrictValidAndWithoutPersonalData() throws Exception {
        Api jizhou = platform.api().as("jz-dispatcher");
        String id = report(jizhou, "jizhou", "360802001001001");
        String steps = "/api/v1/tenants/jizhou/cases/" + id + "/transitions";
        assertEquals(200, jizhou.post(steps, Map.of("action", "register")).status());
        assertEquals(200, jizhou.post(steps, Map.of("action", "dispatch", "leadDepartment", "CG")).status());
        String theirs = report(platform.api().as("dh-dispatcher"), "donghu", "360102001001001");

        Awaitility.await("three events of the Jizhou case").atMost(Duration.ofSeconds(20))
                .until(() -> reader.of(id).size() >= 3 && !reader.of(theirs).isEmpty());
        List<ConsumerRecord<String, String>> mine = reader.records.stream()
                .filter(r -> r.value().contains(id)).toList();
        // each family has its topic; order holds within a partition, so the events are compared in id order
        assertEquals(Map.of("report", "gongzhi.case-reports", "register", "gongzhi.case-transitions",
                "dispatch", "gongzhi.case-dispatches"), mine.stream().collect(java.util.stream.Collectors.toMap(
                        r -> parse(r.value()).path("action").asText(), ConsumerRecord::topic)));
        for (ConsumerRecord<String, String> r : mine) {
            assertEquals("keyed by district", "jizhou", r.key());
            List<com.networknt.schema.Error> errors = SCHEMA.validate(r.value(), InputFormat.JSON);
            assertTrue(r.value() + " " + errors, errors.isEmpty());
            JsonNode v = parse(r.value());
            Header header = r.headers().lastHeader("gongzhi-event-id");
            assertEquals(v.path("eventId").asText(), new String(header.value(), StandardCharsets.UTF_8));
            assertFalse("no personal data: " + r.value(), r.value().contains("张三") || r.value().contains("1390796"));
        }
        assertEquals(List.of("report", "register", "dispatch"), reader.of(id).stream()
                .sorted(java.util.Comparator.comparing((JsonNode v) -> Long.parseLong(v.path("eventId").asText().split("-")[0]))
                        .thenComparing(v -> Long.parseLong(v.path("eventId").asText().split("-")[1])))
                .map(v -> v.path("action").asText()).toList());
        assertEquals("donghu", reader.records.stream().filter(r -> r.value().contains(theirs)).findFirst()
                .orElseThrow().key());
    }

    @Test
    public void eventsOfTheTimeTheBrokerWasDownArriveAfterItsRestartNoneLost() throws Exception {
        Api api = platform.api().as("jz-dispatcher");
        String before = report(api, "jizhou", "360802001001001");
        Awaitility.await("the broker takes events").atMost(Duration.ofSeconds(20))
                .until(() -> !reader.of(before).isEmpty());

        kafka.stop();
        List<String> whileDown = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            whileDown.add(report(api, "jizhou", "360802001001001")); // the platform answers without Kafka
        }
        Thread.sleep(2_000);
        Instant restarted = Instant.now();
        kafka.start();
        Awaitility.await("the events of the outage").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> whileDown.stream().allMatch(c -> !reader.of(c).isEmpty()));
        long copies = whileDown.stream().mapToLong(c -> reader.of(c).size()).sum();
        System.out.println("MEASURE events: 20 reports made while Kafka was down arrived "
                + Duration.between(restarted, Instant.now()).toMillis() + " ms after its restart; records "
                + copies + " (repeats beyond 20 are at-least-once resends)");
        assertTrue("each at least once", copies >= 20);
    }
}
