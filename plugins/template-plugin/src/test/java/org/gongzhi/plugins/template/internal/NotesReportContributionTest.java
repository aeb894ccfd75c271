package org.gongzhi.plugins.template.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.gongzhi.plugin.api.DistrictFacts;
import org.gongzhi.plugin.api.ReportContribution;
import org.gongzhi.plugin.api.ReportSection;
import org.gongzhi.plugin.api.ReportTable;
import org.gongzhi.plugin.tck.FixedPluginTenants;
import org.gongzhi.plugin.tck.InMemoryPluginStorage;
import org.gongzhi.plugin.tck.MutableClock;
import org.gongzhi.plugin.tck.SampleDistricts;
import org.junit.Test;

/**
 * Notes per grid in a month, computed by hand on Jizhou's grid tree ({@link SampleDistricts#jizhou()}):
 * in November 2026 (China Standard Time) grid …001 has two notes, grid …002 one, and one note names no
 * grid; a note of 10-31 23:59 and one of 12-01 00:00 (both CST) fall outside.
 */
public class NotesReportContributionTest {

    private static final String G1 = "360802001001001";
    private static final String G2 = "360802001001002";

    /** The clock that stamps the notes' createdAt and their day= ref, moved by hand. */
    private final MutableClock clock = new MutableClock(Instant.EPOCH);
    private final FixedPluginTenants tenants = FixedPluginTenants.builder().tenant("jizhou", TemplateModel.ID)
            .tenant("donghu").build();
    private final InMemoryPluginStorage storage = new InMemoryPluginStorage(clock, List.of("jizhou", "donghu"));
    private final Notes notes = new Notes(storage, tenants, clock);
    private final NotesReportContribution contribution = new NotesReportContribution(storage, tenants);

    private void note(String at, String grid) {
        clock.set(at);
        notes.add("jizhou", new Notes.NewNote("网格例会", grid, null));
    }

    private List<ReportSection> november() {
        return contribution.sections("jizhou", ReportContribution.MONTHLY, LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 12, 1));
    }

    @Test
    public void notesPerGridOfTheMonth() {
        note("2026-10-31T15:59:00Z", G1);   // 10-31 23:59 CST: October
        note("2026-10-31T16:00:00Z", G1);   // 11-01 00:00 CST
        note("2026-11-15T02:00:00Z", G2);
        note("2026-11-20T02:00:00Z", null);
        note("2026-11-30T15:59:59Z", G1);   // 11-30 23:59:59 CST
        note("2026-11-30T16:00:00Z", G2);   // 12-01 00:00 CST: December
        storage.clearCalls();

        List<ReportSection> sections = november();

        assertThat(sections).singleElement().satisfies(s -> {
            assertThat(s.headingZh()).isEqualTo("工作备注情况");
            assertThat(s.paragraphs()).containsExactly("本期共记录工作备注 4 条，涉及 2 个网格。");
            assertThat(s.table().columns()).containsExactly(new ReportTable.Column("网格编码", ReportTable.Type.TEXT),
                    new ReportTable.Column("备注条数", ReportTable.Type.INTEGER));
            assertThat(s.table().rows()).containsExactly(List.of(G1, 2L), List.of(G2, 1L), List.of("未指定网格", 1L));
        });
        assertThat(storage.writes()).isEmpty();
        // counted, not read: the total, the root, then only the children of nodes that hold notes
        DistrictFacts jizhou = SampleDistricts.jizhou();
        int expected = 2 + Stream.of("360802", "360802001", "360802001001", G1, G2)
                .mapToInt(code -> jizhou.children(code).size()).sum();
        assertThat(storage.calls()).extracting(InMemoryPluginStorage.Call::operation)
                .doesNotContain("find", "query", "get").filteredOn("countOf"::equals).hasSize(expected);
        assertThat(expected).isLessThan(jizhou.grids().size() / 2);
    }

    @Test
    public void notesOnEveryLevelOfTheTreeCountAtTheNodeTheyName() {
        note("2026-11-02T02:00:00Z", "360802001");            // 古南街道 itself
        note("2026-11-03T02:00:00Z", "360802001001");         // 阳明社区 itself
        note("2026-11-04T02:00:00Z", G1);                     // a grid of 阳明社区
        note("2026-11-05T02:00:00Z", "36080200100100101");    // a building of that grid
        note("2026-11-06T02:00:00Z", "36080200100100101");

        assertThat(november()).singleElement().satisfies(s -> {
            assertThat(s.paragraphs()).containsExactly("本期共记录工作备注 5 条，涉及 4 个网格。");
            assertThat(s.table().rows()).containsExactly(List.of("360802001", 1L), List.of("360802001001", 1L),
                    List.of(G1, 1L), List.of("36080200100100101", 2L));
        });
    }

    @Test
    public void aMonthWithoutNotesSaysSo() {
        assertThat(november()).singleElement().satisfies(s -> {
            assertThat(s.table()).isNull();
            assertThat(s.paragraphs()).containsExactly("本期无数据 (no data for this period)");
        });
    }

    @Test
    public void nothingAndNoReadForATenantThatDidNotEnableTheModel() {
        storage.clearCalls();
        assertThat(contribution.sections("donghu", ReportContribution.MONTHLY, LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 12, 1))).isEmpty();
        assertThat(storage.calls()).isEmpty();
    }
}
