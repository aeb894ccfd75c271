package org.gongzhi.plugin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;

/** The rules of {@link ScreenFigures}: numbers and short row labels only, checked as they are added. */
public class ScreenFiguresTest {

    @Test
    public void figuresAndRowsKeepTheirOrderAndTypes() {
        ScreenFigures f = ScreenFigures.builder()
                .count("disputes", 12).count("agreements", 9).rate("successRate", 0.75).rate("none", null)
                .row("studio-1", "  扬子洲村老倌俚工作室 ", r -> r.count("disputes", 3).rate("successRate", 2 / 3.0))
                .row("red", "红", r -> { })
                .build();
        assertThat(f.figures().keySet()).containsExactly("disputes", "agreements", "successRate", "none");
        assertThat(f.figures().get("disputes")).isEqualTo(12L);
        assertThat(f.figures().get("successRate")).isEqualTo(0.75);
        assertThat(f.figures().get("none")).isNull();
        assertThat(f.rows()).extracting(ScreenFigures.Row::key).containsExactly("studio-1", "red");
        assertThat(f.rows().get(0).label()).isEqualTo("扬子洲村老倌俚工作室");
        assertThat(f.rows().get(0).figures()).containsEntry("disputes", 3L);
        assertThat(f.rows().get(1).figures()).isEmpty();
        assertThat(f).isEqualTo(ScreenFigures.builder()
                .count("disputes", 12).count("agreements", 9).rate("successRate", 0.75).rate("none", null)
                .row("studio-1", "扬子洲村老倌俚工作室", r -> r.count("disputes", 3).rate("successRate", 2 / 3.0))
                .row("red", "红", r -> { }).build());
        assertThat(ScreenFigures.none().figures()).isEmpty();
        assertThat(ScreenFigures.none().rows()).isEmpty();
    }

    @Test
    public void builtFiguresCannotBeChanged() {
        ScreenFigures.Builder b = ScreenFigures.builder().count("a", 1);
        ScreenFigures f = b.build();
        b.count("b", 2);
        assertThat(f.figures()).containsOnlyKeys("a");
        assertThatThrownBy(() -> f.figures().put("c", 3)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> f.rows().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    public void badValuesAreRefusedWhenAdded() {
        List<Runnable> bad = List.of(
                () -> ScreenFigures.builder().count("negative", -1),
                () -> ScreenFigures.builder().rate("percent", 75.0),
                () -> ScreenFigures.builder().rate("below", -0.1),
                () -> ScreenFigures.builder().rate("nan", Double.NaN),
                () -> ScreenFigures.builder().count("Upper", 1),
                () -> ScreenFigures.builder().count("with space", 1),
                () -> ScreenFigures.builder().count(null, 1),
                () -> ScreenFigures.builder().count("twice", 1).rate("twice", 0.5),
                () -> ScreenFigures.builder().row("r", "", r -> { }),
                () -> ScreenFigures.builder().row("r", "名".repeat(41), r -> { }),
                () -> ScreenFigures.builder().row("r", "第一行\n第二行", r -> { }),
                () -> ScreenFigures.builder().row("a b", "名称", r -> { }),
                () -> ScreenFigures.builder().row("r", "名称", r -> { }).row("r", "又一个", r -> { }),
                () -> ScreenFigures.builder().row("r", "名称", r -> r.count("x", -5)));
        for (Runnable r : bad) {
            assertThatThrownBy(r::run).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    public void levelsAndRowsAreBounded() {
        ScreenFigures.Builder b = ScreenFigures.builder();
        for (int i = 0; i < ScreenFigures.MAX_FIGURES; i++) {
            b.count("f" + i, i);
        }
        assertThatThrownBy(() -> b.count("oneMore", 1)).isInstanceOf(IllegalArgumentException.class);
        for (int i = 0; i < ScreenFigures.MAX_ROWS; i++) {
            b.row("r" + i, "行" + i, r -> { });
        }
        assertThatThrownBy(() -> b.row("more", "再一行", r -> { })).isInstanceOf(IllegalArgumentException.class);
        Map<String, Number> seen = new HashMap<>(b.build().figures());
        assertThat(seen).hasSize(ScreenFigures.MAX_FIGURES);
    }
}
