package org.gongzhi.plugins.threelinked.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.gongzhi.plugin.api.InvalidInputException;
import org.junit.Test;

public class QuarterTest {

    @Test
    public void parsesAndPrintsQuarters() {
        Quarter q = Quarter.parse("quarter", "2026-Q4");
        assertThat(q.year()).isEqualTo(2026);
        assertThat(q.number()).isEqualTo(4);
        assertThat(q).hasToString("2026-Q4");
        assertThat(q.firstDay()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(q.lastDay()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(Quarter.parse("quarter", " 2026-Q1 ").lastDay()).isEqualTo(LocalDate.of(2026, 3, 31));
    }

    @Test
    public void nextQuarterRollsOverTheYear() {
        assertThat(Quarter.parse("q", "2026-Q4").next()).isEqualTo(new Quarter(2027, 1));
        assertThat(Quarter.parse("q", "2026-Q2").next()).isEqualTo(new Quarter(2026, 3));
        assertThat(new Quarter(2026, 4).compareTo(new Quarter(2027, 1))).isNegative();
    }

    @Test
    public void quarterOfAnInstantIsTakenInChinaTime() {
        // 2026-09-30 16:30 UTC is 2026-10-01 00:30 in Chongqing
        assertThat(Quarter.of(Instant.parse("2026-09-30T16:30:00Z"))).hasToString("2026-Q4");
        assertThat(Quarter.of(Instant.parse("2026-09-30T15:59:59Z"))).hasToString("2026-Q3");
    }

    @Test
    public void malformedQuartersAreRefusedNamingTheField() {
        for (String bad : new String[] {"2026-Q5", "2026Q4", "2026-q4", "26-Q4", "2026-Q0", "Q4-2026"}) {
            assertThatThrownBy(() -> Quarter.parse("quarter", bad))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("yyyy-Qn")
                    .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("quarter"));
        }
        assertThatThrownBy(() -> Quarter.parse("agenda.quarter", null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("必填项 (required)")
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("agenda.quarter"));
        assertThatThrownBy(() -> Quarter.parse("quarter", "1999-Q4"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("year out of range");
    }

    @Test
    public void periodsAreYearsHalfYearsOrQuarters() {
        Period year = Period.parse("period", "2026");
        assertThat(year.firstDay()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(year.lastDay()).isEqualTo(LocalDate.of(2026, 12, 31));
        Period h2 = Period.parse("period", "2026-H2");
        assertThat(h2.firstDay()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(h2.lastDay()).isEqualTo(LocalDate.of(2026, 12, 31));
        Period q3 = Period.parse("period", "2026-Q3");
        assertThat(q3.firstDay()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(q3.lastDay()).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(q3.contains(Instant.parse("2026-09-30T15:59:59Z"))).isTrue();
        assertThat(q3.contains(Instant.parse("2026-09-30T16:00:00Z"))).isFalse();
        assertThat(q3.overlaps(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 7, 1))).isTrue();
        assertThat(q3.overlaps(LocalDate.of(2026, 10, 1), LocalDate.of(2027, 7, 1))).isFalse();
    }

    @Test
    public void malformedPeriodsAreRefusedNamingTheField() {
        for (String bad : new String[] {"2026-H3", "2026-M1", "H1", "", "2026-Q4-1"}) {
            assertThatThrownBy(() -> Period.parse("period", bad))
                    .isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("period"));
        }
    }
}
