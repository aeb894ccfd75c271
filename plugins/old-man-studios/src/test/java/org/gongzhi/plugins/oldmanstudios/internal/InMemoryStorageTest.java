package org.gongzhi.plugins.oldmanstudios.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.gongzhi.plugin.api.RecordCollection;
import org.junit.Test;

/** The test double keeps the storage contract the plugin relies on. */
public class InMemoryStorageTest {

    private final InMemoryStorage storage = new InMemoryStorage();

    @Test
    public void versionsAndExpectedVersion() {
        RecordCollection c = storage.collection("donghu", "old-man-studios", "studios");
        assertThat(c.put("a", Map.of("n", 1), List.of("x=1"), 0L).version()).isEqualTo(1);
        assertThatThrownBy(() -> c.put("a", Map.of(), List.of(), 0L)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> c.put("a", Map.of(), List.of(), 7L)).isInstanceOf(IllegalStateException.class);
        assertThat(c.put("a", Map.of("n", 2), List.of("x=2"), 1L).version()).isEqualTo(2);
        assertThat(c.put("a", Map.of("n", 3), List.of("x=2"), null).version()).isEqualTo(3);
        assertThat(c.get("a")).get().extracting(r -> r.data().get("n")).isEqualTo(3);
    }

    @Test
    public void refsOrderAndPaging() {
        RecordCollection c = storage.collection("donghu", "old-man-studios", "disputes");
        for (int i = 0; i < 5; i++) {
            c.put("d" + i, Map.of(), List.of(i % 2 == 0 ? "status=registered" : "status=agreed"), 0L);
        }
        c.put("d0", Map.of(), List.of("status=registered"), 1L);
        assertThat(c.find("status=registered", 0, 10)).extracting(r -> r.id()).containsExactly("d0", "d2", "d4");
        assertThat(c.find(null, 1, 2)).extracting(r -> r.id()).containsExactly("d1", "d2");
        assertThat(c.count("status=agreed")).isEqualTo(2);
        assertThatThrownBy(() -> c.find(null, 0, 501)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    public void tenantsAreIsolatedAndDataMustBeJsonLike() {
        storage.collection("donghu", "old-man-studios", "experts").put("e", Map.of(), List.of(), 0L);
        assertThat(storage.collection("jizhou", "old-man-studios", "experts").count(null)).isZero();
        RecordCollection c = storage.collection("donghu", "old-man-studios", "experts");
        assertThatThrownBy(() -> c.put("x", Map.of("day", LocalDate.of(2026, 1, 1)), List.of(), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.put("bad id!", Map.of(), List.of(), null)).isInstanceOf(IllegalArgumentException.class);
    }
}
