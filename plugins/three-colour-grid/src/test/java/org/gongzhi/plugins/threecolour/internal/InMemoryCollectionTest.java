package org.gongzhi.plugins.threecolour.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.gongzhi.plugin.api.RecordCollection;
import org.junit.Test;

/** The test double keeps the {@link RecordCollection} contract the plugin relies on. */
public class InMemoryCollectionTest {

    private final RecordCollection c = new InMemoryCollection();

    @Test
    public void versionsAndExpectedVersion() {
        assertThat(c.put("a", Map.of("n", 1), List.of("grid=1"), 0L).version()).isEqualTo(1);
        assertThatThrownBy(() -> c.put("a", Map.of(), List.of(), 0L)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> c.put("a", Map.of(), List.of(), 2L)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> c.put("b", Map.of(), List.of(), 1L)).isInstanceOf(IllegalStateException.class);
        assertThat(c.put("a", Map.of("n", 2), List.of("grid=1"), 1L).version()).isEqualTo(2);
        assertThat(c.put("a", Map.of("n", 3), List.of("grid=1"), null).version()).isEqualTo(3);
        assertThatThrownBy(() -> c.put("bad id", Map.of(), List.of(), null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    public void findFiltersByRefOldestFirstWithPaging() {
        for (int i = 0; i < 5; i++) {
            c.put("r" + i, Map.of(), List.of(i % 2 == 0 ? "grid=even" : "grid=odd"), null);
        }
        c.put("r0", Map.of("again", true), List.of("grid=even"), null);
        assertThat(c.find("grid=even", 0, 10)).extracting(r -> r.id()).containsExactly("r0", "r2", "r4");
        assertThat(c.find("grid=even", 1, 1)).extracting(r -> r.id()).containsExactly("r2");
        assertThat(c.find(null, 0, 500)).hasSize(5);
        assertThat(c.count("grid=odd")).isEqualTo(2);
        assertThatThrownBy(() -> c.find(null, 0, 501)).isInstanceOf(IllegalArgumentException.class);
        assertThat(c.delete("r1")).isTrue();
        assertThat(c.delete("r1")).isFalse();
    }
}
