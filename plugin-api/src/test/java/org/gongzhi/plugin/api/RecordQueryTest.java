package org.gongzhi.plugin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.Test;

/** The semantics of {@link RecordQuery}, and the 1.2-compatible defaults of {@link RecordCollection}. */
public class RecordQueryTest {

    @Test
    public void conditionsHoldTogether() {
        RecordQuery q = RecordQuery.all().anyRef("studio=a", "studio=b").range("day", "2026-03-01", "2026-04-01");

        assertThat(q.matches(List.of("studio=a", "day=2026-03-01"))).isTrue();
        assertThat(q.matches(List.of("studio=b", "day=2026-03-31"))).isTrue();
        assertThat(q.matches(List.of("studio=c", "day=2026-03-15"))).isFalse();
        assertThat(q.matches(List.of("studio=a", "day=2026-04-01"))).isFalse();   // to is exclusive
        assertThat(q.matches(List.of("studio=a", "daylight=2026-03-15"))).isFalse();
        assertThat(RecordQuery.all().matches(List.of())).isTrue();
        assertThat(RecordQuery.all().ref("x=1").ref("y=2").matches(List.of("x=1"))).isFalse();
        assertThat(q).hasToString("any[studio=a, studio=b] day in [2026-03-01, 2026-04-01)");
    }

    @Test
    public void openBoundsAndCodePointOrder() {
        assertThat(RecordQuery.all().range("n", null, "b").matches(List.of("n=a"))).isTrue();
        assertThat(RecordQuery.all().range("n", "b", null).matches(List.of("n=z"))).isTrue();
        assertThat(RecordQuery.all().range("n", null, null).matches(List.of("n="))).isTrue();
        assertThat(RecordQuery.compare("\uFFFF", "\uD83D\uDE00")).isNegative();   // code points, not UTF-16 units
        assertThat(RecordQuery.compare("2026-03-1", "2026-03-10")).isNegative();
    }

    @Test
    public void badQueriesAreRefused() {
        assertThatThrownBy(() -> RecordQuery.all().ref("no-equals")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecordQuery.all().anyRef(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecordQuery.all().range("a=b", null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecordQuery.all().range("day", "2026-04", "2026-03"))
                .isInstanceOf(IllegalArgumentException.class);
        RecordQuery q = RecordQuery.all();
        for (int i = 0; i < RecordQuery.MAX_CONDITIONS; i++) {
            q = q.ref("r=" + i);
        }
        RecordQuery full = q;
        assertThatThrownBy(() -> full.ref("one=more")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    public void theDefaultsOfA12CollectionPageThroughFind() {
        List<PluginRecord> stored = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            stored.add(new PluginRecord("r" + i, 1, Map.of(), List.of(i % 3 == 0 ? "kind=x" : "kind=y"),
                    Instant.EPOCH, Instant.EPOCH));
        }
        RecordCollection old = new RecordCollection() {
            @Override
            public PluginRecord put(String id, Map<String, Object> data, List<String> refs, Long expectedVersion) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<PluginRecord> get(String id) {
                return Optional.empty();
            }

            @Override
            public List<PluginRecord> find(String ref, int offset, int limit) {
                return stored.stream().filter(r -> ref == null || r.refs().contains(ref)).skip(offset).limit(limit)
                        .toList();
            }

            @Override
            public long count(String ref) {
                return find(ref, 0, Integer.MAX_VALUE).size();
            }

            @Override
            public boolean delete(String id) {
                return false;
            }
        };
        RecordQuery x = RecordQuery.all().ref("kind=x");

        assertThat(old.countOf(x)).isEqualTo(400);
        assertThat(old.query(x, 390, 20)).extracting(PluginRecord::id).hasSize(10).startsWith("r1170").endsWith("r1197");
        assertThat(old.query(x, 0, 2)).extracting(PluginRecord::id).containsExactly("r0", "r3");
    }
}
