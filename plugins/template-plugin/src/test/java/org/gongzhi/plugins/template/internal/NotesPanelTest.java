package org.gongzhi.plugins.template.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.gongzhi.plugin.api.PluginTenants;
import org.gongzhi.plugin.api.ScreenFigures;
import org.gongzhi.plugin.tck.FixedPluginTenants;
import org.gongzhi.plugin.tck.InMemoryPluginStorage;
import org.gongzhi.plugin.tck.MutableClock;
import org.junit.Test;

/** The template's panel: a month's notes and grids (Jizhou's tree), the busiest grids first, no note text. */
public class NotesPanelTest {

    private static final String G1 = "360802001001001";
    private static final String G2 = "360802001001002";

    private final MutableClock clock = new MutableClock("2026-10-01T00:00:00Z");
    private final PluginTenants tenants = FixedPluginTenants.builder().tenant("jizhou", TemplateModel.ID).build();
    private final InMemoryPluginStorage storage = new InMemoryPluginStorage(clock, List.of("jizhou"));

    private void note(String at, String grid) {
        clock.set(at);
        new Notes(storage, tenants, clock).add("jizhou", new Notes.NewNote("周五网格例会", grid, "李网格长"));
    }

    @Test
    public void notesAndGridsOfTheMonth() {
        note("2026-10-31T15:59:00Z", G1);   // October in Beijing
        note("2026-10-31T16:00:00Z", G2);
        note("2026-11-15T02:00:00Z", G1);
        note("2026-11-16T02:00:00Z", G1);
        note("2026-11-20T02:00:00Z", null);
        storage.clearCalls();

        ScreenFigures f = new NotesPanel(storage, tenants).figures("jizhou", YearMonth.of(2026, 11));

        assertThat(f.figures()).containsExactly(Map.entry("notes", 4L), Map.entry("grids", 2L));
        assertThat(f.rows()).extracting(r -> r.label() + "=" + r.figures().get("notes")).containsExactly(G1 + "=2", G2 + "=1");
        assertThat(f.toString()).doesNotContain("例会", "李网格长");
        assertThat(storage.writes()).isEmpty();
    }
}
