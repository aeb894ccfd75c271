package org.gongzhi.plugins.template.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.gongzhi.plugin.api.InvalidInputException;
import org.gongzhi.plugin.tck.FixedPluginTenants;
import org.gongzhi.plugin.tck.InMemoryPluginStorage;
import org.junit.Test;

public class NotesTest {

    private final InMemoryPluginStorage storage = new InMemoryPluginStorage("jizhou", "donghu");
    private final Notes notes = new Notes(storage,
            FixedPluginTenants.builder().tenant("jizhou", TemplateModel.ID).tenant("donghu", TemplateModel.ID).build());

    @Test
    public void aNoteIsStoredAndReadBack() {
        Notes.Note added = notes.add("jizhou", new Notes.NewNote("  周五下午网格例会  ", "360802001001001", "李网格长"));

        assertThat(added.id()).matches("[0-9a-f-]{36}");
        assertThat(added.text()).isEqualTo("周五下午网格例会");
        assertThat(added.createdAt()).isNotNull();
        assertThat(notes.get("jizhou", added.id())).contains(added);
        assertThat(storage.records("jizhou", TemplateModel.ID).get(Notes.COLLECTION)).singleElement()
                .satisfies(r -> {
                    assertThat(r.refs()).contains("grid=360802001001001", "in=360802", "in=360802001",
                            "in=360802001001", "in=360802001001001").hasSize(6);
                    assertThat(r.refs().get(0)).matches("day=\\d{4}-\\d{2}-\\d{2}");
                });
    }

    @Test
    public void listsOldestFirstByGridAndPages() {
        Notes.Note first = notes.add("jizhou", new Notes.NewNote("一", "360802001001001", null));
        notes.add("jizhou", new Notes.NewNote("二", null, null));
        Notes.Note third = notes.add("jizhou", new Notes.NewNote("三", "360802001001001", null));

        assertThat(notes.list("jizhou", null, null, null).items()).extracting(Notes.Note::text).containsExactly("一", "二", "三");
        Notes.Page grid = notes.list("jizhou", "360802001001001", "1", "1");
        assertThat(grid.items()).containsExactly(third);
        assertThat(grid.total()).isEqualTo(2);
        assertThat(grid.offset()).isEqualTo(1);
        assertThat(grid.limit()).isEqualTo(1);
        assertThat(notes.list("jizhou", "360802001001001", null, null).items()).startsWith(first);
        assertThat(notes.list("donghu", null, null, null).total()).isZero();
    }

    @Test
    public void badInputNamesTheField() {
        assertField(() -> notes.add("jizhou", null), "body");
        assertField(() -> notes.add("jizhou", new Notes.NewNote(" ", null, null)), "text");
        assertField(() -> notes.add("jizhou", new Notes.NewNote("x".repeat(501), null, null)), "text");
        assertField(() -> notes.add("jizhou", new Notes.NewNote("x", "36080A", null)), "gridCode");
        // well formed, but not a grid of Jizhou's tree (it is one of Donghu's)
        assertField(() -> notes.add("jizhou", new Notes.NewNote("x", "360102001001001", null)), "gridCode");
        assertField(() -> notes.add("jizhou", new Notes.NewNote("x", null, "名".repeat(41))), "author");
        assertField(() -> notes.list("jizhou", null, "-1", null), "offset");
        assertField(() -> notes.list("jizhou", null, null, "501"), "limit");
        assertField(() -> notes.list("jizhou", null, null, "ten"), "limit");
        assertThat(storage.writes()).isEmpty();
    }

    @Test
    public void anUnknownOrMalformedIdIsNotFound() {
        assertThat(notes.get("jizhou", "0b6f7c4e-1d2a-4c3b-9e8f-0a1b2c3d4e5f")).isEmpty();
        assertThat(notes.get("jizhou", "../etc/passwd")).isEmpty();
        assertThat(storage.rejectedCalls()).isEmpty();
    }

    private static void assertField(Runnable call, String field) {
        assertThatThrownBy(call::run).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo(field))
                .hasMessageContaining("(");
    }
}
