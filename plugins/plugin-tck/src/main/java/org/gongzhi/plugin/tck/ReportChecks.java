package org.gongzhi.plugin.tck;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.gongzhi.plugin.api.ReportContribution;
import org.gongzhi.plugin.api.ReportSection;
import org.gongzhi.plugin.api.ReportTable;

/** The checks of a {@link ReportContribution} (报表章节) against the API's Javadoc and the report conventions. */
final class ReportChecks {

    /** What the report producer allows one call: "should answer within a few seconds". */
    static final long BUDGET_NANOS = 2_000_000_000L;

    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");

    /**
     * One question of the report producer: a report kind and its period {@code [from, to)}.
     *
     * @param label how a failure names it, e.g. {@code 2026-Q1}
     */
    record Ask(String kind, LocalDate from, LocalDate to, String label) {
        @Override
        public String toString() {
            return kind + " " + label + " [" + from + ", " + to + ")";
        }
    }

    /** A month, a quarter and a half-year of each half of 2026, over which the samples lie (mostly March). */
    static final List<Ask> PERIODS = List.of(
            new Ask(ReportContribution.MONTHLY, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1), "2026-03"),
            new Ask(ReportContribution.MONTHLY, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 1), "2026-10"),
            new Ask(ReportContribution.QUARTERLY, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 1), "2026-Q1"),
            new Ask(ReportContribution.QUARTERLY, LocalDate.of(2026, 10, 1), LocalDate.of(2027, 1, 1), "2026-Q4"),
            new Ask(ReportContribution.HALF_YEAR, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 7, 1), "2026-H1"),
            new Ask(ReportContribution.HALF_YEAR, LocalDate.of(2026, 7, 1), LocalDate.of(2027, 1, 1), "2026-H2"));

    /** Periods before every sample case (the oldest is of 2019): nothing can have happened in them. */
    static final List<Ask> EMPTY_PERIODS = List.of(
            new Ask(ReportContribution.MONTHLY, LocalDate.of(2018, 2, 1), LocalDate.of(2018, 3, 1), "2018-02"),
            new Ask(ReportContribution.QUARTERLY, LocalDate.of(2018, 1, 1), LocalDate.of(2018, 4, 1), "2018-Q1"),
            new Ask(ReportContribution.HALF_YEAR, LocalDate.of(2018, 1, 1), LocalDate.of(2018, 7, 1), "2018-H1"));

    /** Every period asked. */
    static final List<Ask> ALL_PERIODS = all();

    /** An answer with the time it took. */
    record Answer(ReportContribution contribution, String tenantId, Ask ask, List<ReportSection> sections,
                  long nanos) {
        String describe() {
            return contribution.getClass().getName() + " for tenant " + tenantId + ", " + ask;
        }
    }

    private ReportChecks() {
    }

    private static List<Ask> all() {
        List<Ask> all = new ArrayList<>(PERIODS);
        all.addAll(EMPTY_PERIODS);
        return List.copyOf(all);
    }

    /** Asks one contribution; an exception or null fails naming the question. */
    static Answer ask(ReportContribution c, String tenantId, Ask ask) {
        long t0 = System.nanoTime();
        List<ReportSection> sections;
        try {
            sections = c.sections(tenantId, ask.kind(), ask.from(), ask.to());
        } catch (RuntimeException e) {
            throw new AssertionError("report contribution " + c.getClass().getName() + " threw " + e + " for tenant "
                    + tenantId + ", " + ask, e);
        }
        long nanos = System.nanoTime() - t0;
        if (sections == null) {
            throw new AssertionError("report contribution " + c.getClass().getName() + " returned null instead of "
                    + "an empty list for tenant " + tenantId + ", " + ask);
        }
        return new Answer(c, tenantId, ask, sections, nanos);
    }

    /** Asks every contribution about every period of {@code periods}, for one tenant. */
    static List<Answer> askAll(PluginUnderTest plugin, String tenantId, List<Ask> periods) {
        List<Answer> out = new ArrayList<>();
        for (ReportContribution c : plugin.reportContributions()) {
            for (Ask a : periods) {
                out.add(ask(c, tenantId, a));
            }
        }
        return out;
    }

    /** What is wrong with the sections of these answers, each naming its answer. */
    static List<String> problems(List<Answer> answers) {
        List<String> out = new ArrayList<>();
        for (Answer a : answers) {
            sectionProblems(a.sections()).forEach(p -> out.add(p + " — " + a.describe()));
        }
        return out;
    }

    /** What is wrong with sections; empty when they keep every rule. */
    static List<String> sectionProblems(List<ReportSection> sections) {
        List<String> p = new ArrayList<>();
        for (int i = 0; i < sections.size(); i++) {
            ReportSection s = sections.get(i);
            String where = "section " + i;
            if (s == null) {
                p.add(where + " is null");
                continue;
            }
            where += " '" + s.headingZh() + "'";
            if (s.headingZh().isBlank() || !CJK.matcher(s.headingZh()).find()) {
                p.add(where + ": headingZh must be a non-blank heading in Chinese");
            }
            if (s.table() != null) {
                p.addAll(problems(where, s.table()));
            }
        }
        return p;
    }

    private static List<String> problems(String where, ReportTable t) {
        List<String> p = new ArrayList<>();
        if (t.columns().isEmpty()) {
            p.add(where + ": a table needs at least one column");
        }
        if (t.rows().isEmpty()) {
            p.add(where + ": a table without rows; leave the table out and say so in a paragraph (本期无数据)");
        }
        for (ReportTable.Column c : t.columns()) {
            if (c.labelZh().isBlank()) {
                p.add(where + ": a column needs a zh-CN label");
            }
        }
        for (int r = 0; r < t.rows().size(); r++) {
            List<Object> row = t.rows().get(r);
            if (row.size() != t.columns().size()) {
                p.add(where + ", row " + r + ": " + row.size() + " values for " + t.columns().size() + " columns");
                continue;
            }
            for (int k = 0; k < row.size(); k++) {
                String problem = valueProblem(t.columns().get(k).type(), row.get(k));
                if (problem != null) {
                    p.add(where + ", row " + r + ", column '" + t.columns().get(k).labelZh() + "': " + problem);
                }
            }
        }
        return p;
    }

    /** What is wrong with one value of a column of {@code type}; null when nothing. */
    static String valueProblem(ReportTable.Type type, Object value) {
        if (value == null) {
            return null;
        }
        if (type == ReportTable.Type.TEXT) {
            return value instanceof String || value instanceof Number ? null
                    : "a value must be a String, a Number or null, was " + value.getClass().getName();
        }
        if (!(value instanceof Number n)) {
            return "a " + type + " column takes Numbers (or null), was " + value.getClass().getName() + " " + value;
        }
        double d = n.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return "not a finite number: " + n;
        }
        return switch (type) {
            case INTEGER -> integral(n) ? null : "an INTEGER column takes whole numbers, was " + n;
            case PERCENT -> d >= 0.0 && d <= 1.0 ? null
                    : "a PERCENT value is a fraction in [0, 1] (0.952 for 95.2 %), was " + n;
            default -> null;
        };
    }

    private static boolean integral(Number n) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte
                || n instanceof BigInteger) {
            return true;
        }
        if (n instanceof BigDecimal b) {
            return b.stripTrailingZeros().scale() <= 0;
        }
        double d = n.doubleValue();
        return Math.rint(d) == d;
    }

    /** Whether an answer shows no figures: no section, or sections without a table. */
    static boolean showsNothing(Answer a) {
        return a.sections().stream().allMatch(s -> s == null || s.table() == null || s.table().rows().isEmpty());
    }
}
