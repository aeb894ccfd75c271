package org.gongzhi.plugin.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gongzhi.plugin.api.PluginRecord;
import org.gongzhi.plugin.api.RecordCollection;
import org.gongzhi.plugin.tck.InMemoryPluginStorage.Outcome;
import org.junit.Test;

public class InMemoryPluginStorageTest {

    private final InMemoryPluginStorage storage = new InMemoryPluginStorage(
            Clock.fixed(Instant.parse("2026-03-02T01:00:00Z"), ZoneOffset.UTC), List.of("jizhou", "donghu"));
    private final RecordCollection studios = storage.collection("jizhou", "old-man-studios", "studios");

    @Test
    public void aNewRecordHasVersionOneAndEveryWriteAddsOne() {
        PluginRecord first = studios.put("s1", Map.of("name", "老倌俚工作室"), List.of("village=360102001201"), null);
        PluginRecord second = studios.put("s1", Map.of("name", "老倌俚调解室"), List.of(), null);

        assertThat(first.version()).isEqualTo(1);
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.createdAt()).isEqualTo(first.createdAt());
        assertThat(studios.get("s1")).map(r -> r.data().get("name")).contains("老倌俚调解室");
    }

    @Test
    public void expectedVersionZeroRequiresANewRecordAndNMustMatch() {
        studios.put("s1", Map.of(), List.of(), 0L);

        assertThatThrownBy(() -> studios.put("s1", Map.of(), List.of(), 0L)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> studios.put("s1", Map.of(), List.of(), 2L)).isInstanceOf(IllegalStateException.class);
        assertThat(studios.put("s1", Map.of("n", 1), List.of(), 1L).version()).isEqualTo(2);
        assertThat(storage.calls()).extracting(InMemoryPluginStorage.Call::outcome)
                .containsSubsequence(Outcome.DONE, Outcome.CONFLICT, Outcome.CONFLICT, Outcome.DONE);
        assertThat(storage.writes()).hasSize(2);
    }

    @Test
    public void malformedNamesIdsAndRefsAreIllegalArguments() {
        assertThatThrownBy(() -> storage.collection("nowhere", "old-man-studios", "studios"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tenant");
        assertThatThrownBy(() -> storage.collection("jizhou", "Old_Man", "studios")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.collection("jizhou", "m", "Studios")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.collection("jizhou", "m", "s".repeat(41))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> studios.put("a b", Map.of(), List.of(), null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> studios.put("x".repeat(101), Map.of(), List.of(), null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> studios.put("s1", Map.of(), List.of("noequals"), null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> studios.put("s1", Map.of(), List.of("=v"), null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> studios.put("s1", Map.of(), List.of("k=" + "v".repeat(199)), null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(storage.rejectedCalls()).hasSize(9);
        assertThat(studios.put("case:1.a_b-C", Map.of(), List.of("k=" + "v".repeat(198)), null).version()).isEqualTo(1);
    }

    @Test
    public void dataMustBeJsonLikeAndAtMost256KiB() {
        assertThatThrownBy(() -> studios.put("s1", Map.of("at", Instant.EPOCH), List.of(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("data.at");
        assertThatThrownBy(() -> studios.put("s1", Map.of("tags", Set.of("a")), List.of(), null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> studios.put("s1", Map.of("x", Double.NaN), List.of(), null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> studios.put("s1", Map.of("m", Map.of(1, "a")), List.of(), null)).isInstanceOf(IllegalArgumentException.class);
        String big = "x".repeat(256 * 1024);
        assertThatThrownBy(() -> studios.put("s1", Map.of("t", big), List.of(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("256 KiB");
        // {"t":"…"} is 8 characters around the text
        assertThat(studios.put("s1", Map.of("t", big.substring(8)), List.of(), null).version()).isEqualTo(1);
    }

    @Test
    public void dataComeBackAsAfterAJsonRoundTrip() {
        Map<String, Object> data = new HashMap<>();
        data.put("small", 5L);
        data.put("big", 5_000_000_000L);
        data.put("ratio", new BigDecimal("0.25"));
        data.put("f", 1.5f);
        data.put("none", null);
        data.put("roles", new ArrayList<>(List.of("乡贤", "志愿者")));
        studios.put("s1", data, List.of(), null);
        ((List<Object>) data.get("roles")).add("changed after the write");

        Map<String, Object> read = studios.get("s1").orElseThrow().data();
        assertThat(read.get("small")).isEqualTo(5);
        assertThat(read.get("big")).isEqualTo(5_000_000_000L);
        assertThat(read.get("ratio")).isEqualTo(0.25);
        assertThat(read.get("f")).isEqualTo(1.5);
        assertThat(read).containsEntry("none", null);
        assertThat(read.get("roles")).isEqualTo(List.of("乡贤", "志愿者"));
    }

    @Test
    public void findFiltersByRefOldestFirstAndPages() {
        for (int i = 1; i <= 5; i++) {
            studios.put("s" + i, Map.of("n", i), List.of(i % 2 == 0 ? "grid=even" : "grid=odd"), null);
        }
        studios.put("s1", Map.of("n", 11), List.of("grid=odd"), null);

        assertThat(studios.find(null, 0, 10)).extracting(PluginRecord::id).containsExactly("s1", "s2", "s3", "s4", "s5");
        assertThat(studios.find("grid=odd", 1, 1)).extracting(PluginRecord::id).containsExactly("s3");
        assertThat(studios.count("grid=odd")).isEqualTo(3);
        assertThat(studios.count(null)).isEqualTo(5);
        assertThat(studios.delete("s1")).isTrue();
        assertThat(studios.delete("s1")).isFalse();
        studios.put("s1", Map.of(), List.of(), null);
        assertThat(studios.find(null, 0, RecordCollection.MAX_LIMIT)).extracting(PluginRecord::id).endsWith("s1");
        assertThatThrownBy(() -> studios.find(null, 0, RecordCollection.MAX_LIMIT + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> studios.find(null, -1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> studios.find(null, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    public void tenantsAndModelsAreIsolated() {
        studios.put("s1", Map.of("n", 1), List.of(), null);

        assertThat(storage.collection("donghu", "old-man-studios", "studios").get("s1")).isEmpty();
        assertThat(storage.collection("jizhou", "three-colour-grid", "studios").get("s1")).isEmpty();
        assertThat(storage.collection("jizhou", "old-man-studios", "studios").get("s1")).isPresent();
        assertThat(storage.records("jizhou", "old-man-studios")).containsOnlyKeys("studios");
        assertThat(storage.records("donghu", "old-man-studios")).isEmpty();
        assertThat(storage.writes()).singleElement()
                .matches(c -> c.tenantId().equals("jizhou") && c.modelId().equals("old-man-studios"));
    }

    @Test
    public void queriesSelectBySeveralRefsAndRangesAndCountAsTheCoreDoes() {
        studios.put("s1", Map.of(), List.of("village=a", "day=2026-02-28"), null);
        studios.put("s2", Map.of(), List.of("village=a", "day=2026-03-01"), null);
        studios.put("s3", Map.of(), List.of("village=b", "day=2026-03-31"), null);
        studios.put("s4", Map.of(), List.of("village=c", "day=2026-04-01"), null);
        org.gongzhi.plugin.api.RecordQuery march = org.gongzhi.plugin.api.RecordQuery.all()
                .range("day", "2026-03-01", "2026-04-01");

        assertThat(studios.query(march, 0, 10)).extracting(PluginRecord::id).containsExactly("s2", "s3");
        assertThat(studios.query(march.anyRef("village=b", "village=c"), 0, 10)).extracting(PluginRecord::id)
                .containsExactly("s3");
        assertThat(studios.countOf(org.gongzhi.plugin.api.RecordQuery.all().range("day", "2026-03-01", null)))
                .isEqualTo(3);
        assertThat(studios.query(march, 1, 1)).extracting(PluginRecord::id).containsExactly("s3");
        assertThatThrownBy(() -> studios.query(march, 0, 501)).isInstanceOf(IllegalArgumentException.class);
        assertThat(storage.calls()).extracting(InMemoryPluginStorage.Call::operation).contains("query", "countOf");
        assertThat(storage.rejectedCalls()).extracting(InMemoryPluginStorage.Call::operation).containsExactly("query");
    }

    @Test
    public void aRivalWriterSlipsInBeforeTheNextPutOnly() {
        studios.put("s1", Map.of("v", 1), List.of(), null);
        storage.beforeNextPut("jizhou", "old-man-studios", "studios",
                () -> studios.put("s1", Map.of("v", 2), List.of(), 1L));

        assertThatThrownBy(() -> studios.put("s1", Map.of("v", 3), List.of(), 1L)).isInstanceOf(IllegalStateException.class);
        assertThat(studios.put("s1", Map.of("v", 3), List.of(), 2L).version()).isEqualTo(3);
    }
}
