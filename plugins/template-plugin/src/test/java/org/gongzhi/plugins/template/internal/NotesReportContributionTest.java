package org.gongzhi.plugins.template.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.gongzhi.plugin.api.ReportContribution;
import org.gongzhi.plugin.api.ReportSection;
import org.gongzhi.plugin.api.ReportTable;
import org.gongzhi.plugin.tck.FixedPluginTenants;
import org.gongzhi.plugin.tck.InMemoryPluginStorage;
import org.junit.Test;

/**
 * Notes per grid in a month, computed by hand: in November 2026 (China Standard Time) grid …001 has
 * two notes, grid …002 one, and one note names no grid; a note of 10-31 23:59 and one of 12-01 00:00
 * (both CST) fall outside.
 */
public class NotesReportContributionTest {

    private static final String G1 = "360802001001001";
    private static final String G2 = "360802001001002";

    /** The clock that stamps the notes' createdAt, moved by hand. */
    private static final class HandClock extends Clock {
        private Instant now = Instant.EPOCH;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final HandClock clock = new HandClock();
    private final InMemoryPluginStorage storage = new InMemoryPluginStorage(clock, List.of("jizhou", "donghu"));
    private final Notes notes = new Notes(storage);
    private final NotesReportContribution contribution = new NotesReportContribution(storage,
            FixedPluginTenants.builder().tenant("jizhou", TemplateModel.ID).tenant("donghu").build());

    private void note(String at, String grid) {
        clock.now = Instant.parse(at);
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
