package org.gongzhi.plugins.threelinked.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.gongzhi.plugin.tck.MutableClock;
import org.junit.Test;

/** The test double keeps the RecordCollection contract the plugin relies on. */
public class InMemoryCollectionTest {

    private final InMemoryCollection c = new InMemoryCollection(new MutableClock("2026-10-01T00:00:00Z"));

    @Test
    public void versionsCountWritesAndExpectedVersionGuardsThem() {
        assertThat(c.put("a", Map.of("x", 1), List.of("k=v"), 0L).version()).isEqualTo(1);
        assertThatThrownBy(() -> c.put("a", Map.of(), List.of(), 0L)).isInstanceOf(IllegalStateException.class);
        assertThat(c.put("a", Map.of("x", 2), List.of(), 1L).version()).isEqualTo(2);
        assertThatThrownBy(() -> c.put("a", Map.of(), List.of(), 1L)).isInstanceOf(IllegalStateException.class);
        assertThat(c.put("a", Map.of("x", 3), List.of(), null).version()).isEqualTo(3);
    }

    @Test
    public void findFiltersByRefOldestFirstAndPages() {
        c.put("a", Map.of(), List.of("k=1"), null);
        c.put("b", Map.of(), List.of("k=2"), null);
        c.put("c", Map.of(), List.of("k=1"), null);
        assertThat(c.find("k=1", 0, 10)).extracting(r -> r.id()).containsExactly("a", "c");
        assertThat(c.find(null, 1, 1)).extracting(r -> r.id()).containsExactly("b");
        assertThat(c.count("k=1")).isEqualTo(2);
        assertThatThrownBy(() -> c.find(null, 0, 501)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    public void refusesDataThatIsNotJsonLike() {
        assertThatThrownBy(() -> c.put("a", Map.of("at", Instant.EPOCH), List.of(), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.put("a b", Map.of(), List.of(), null)).isInstanceOf(IllegalArgumentException.class);
    }
}
