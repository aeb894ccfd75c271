package org.gongzhi.kafka.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.Test;

/** The broker starts, takes records, and keeps them across a restart on the same port. */
public class LocalKafkaTest {

    @Test
    public void aRecordSentBeforeARestartIsReadAfterIt() throws Exception {
        try (LocalKafka kafka = LocalKafka.at(Path.of("target/kafka-test")).start()) {
            Map<String, Object> producer = Map.of("bootstrap.servers", kafka.bootstrapServers(), "acks", "all");
            try (KafkaProducer<String, String> p = new KafkaProducer<>(producer, new StringSerializer(),
                    new StringSerializer())) {
                p.send(new ProducerRecord<>("events", "jizhou", "one")).get();
            }
            kafka.stop();
            kafka.start();
            try (KafkaProducer<String, String> p = new KafkaProducer<>(producer, new StringSerializer(),
                    new StringSerializer())) {
                p.send(new ProducerRecord<>("events", "jizhou", "two")).get();
            }
            List<String> read = new ArrayList<>();
            try (KafkaConsumer<String, String> c = new KafkaConsumer<>(Map.of("bootstrap.servers",
                    kafka.bootstrapServers(), "group.id", "test", "auto.offset.reset", "earliest"),
                    new StringDeserializer(), new StringDeserializer())) {
                c.subscribe(List.of("events"));
                long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (read.size() < 2 && System.nanoTime() < until) {
                    for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
                        read.add(r.value());
                    }
                }
            }
            assertThat(read).containsExactlyInAnyOrder("one", "two");
        }
    }
}
