package org.gongzhi.plugin.tck;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.gongzhi.plugin.api.CaseFacts;
import org.gongzhi.plugin.api.ScreenFigures;
import org.gongzhi.plugin.api.ScreenPanel;

/** The checks of a {@link ScreenPanel}'s figures (大屏面板数据) against the API's Javadoc. */
final class ScreenPanelChecks {

    /** What one call may take: the core asks on a screen's request ("within a second or two"). */
    static final long BUDGET_NANOS = 2_000_000_000L;

    /** The months asked: those of the samples (mostly March 2026, one in October), and one before them all. */
    static final List<YearMonth> MONTHS = List.of(YearMonth.of(2026, 3), YearMonth.of(2026, 10), YearMonth.of(2018, 2));

    /** An answer with the time it took. */
    record Answer(ScreenPanel panel, String tenantId, YearMonth month, ScreenFigures figures, long nanos) {
        String describe() {
            return "screen panel " + panel.getClass().getName() + " for tenant " + tenantId + ", " + month;
        }
    }

    private ScreenPanelChecks() {
    }

    /** Asks one panel; an exception or null fails naming the question. */
    static Answer ask(ScreenPanel panel, String tenantId, YearMonth month) {
        long t0 = System.nanoTime();
        ScreenFigures figures;
        try {
            figures = panel.figures(tenantId, month);
        } catch (RuntimeException e) {
            throw new AssertionError("screen panel " + panel.getClass().getName() + " threw " + e + " for tenant "
                    + tenantId + ", " + month, e);
        }
        long nanos = System.nanoTime() - t0;
        if (figures == null) {
            throw new AssertionError("screen panel " + panel.getClass().getName() + " returned null for tenant "
                    + tenantId + ", " + month + " (ScreenFigures.none() when there is nothing to show)");
        }
        return new Answer(panel, tenantId, month, figures, nanos);
    }

    /** Every panel of the plugin, every month, in {@code tenantId}. */
    static List<Answer> askAll(PluginUnderTest plugin, String tenantId) {
        List<Answer> answers = new ArrayList<>();
        for (ScreenPanel panel : plugin.screenPanels()) {
            for (YearMonth month : MONTHS) {
                answers.add(ask(panel, tenantId, month));
            }
        }
        return answers;
    }

    /**
     * Row labels that carry text of the sample cases (a title, a case number or a case id): a panel
     * names places, organisations and categories, never what a resident reported.
     */
    static List<String> caseTextInLabels(List<Answer> answers) {
        List<String> texts = new ArrayList<>();
        for (CaseFacts f : CaseSamples.facts()) {
            if (f.title() != null && f.title().strip().length() >= 2) {
                texts.add(f.title().strip());
            }
            if (f.caseNumber() != null) {
                texts.add(f.caseNumber());
            }
            texts.add(CaseSamples.caseIdOf(f, 1));
            texts.add(CaseSamples.caseIdOf(f, 2));
        }
        List<String> problems = new ArrayList<>();
        for (Answer a : answers) {
            for (ScreenFigures.Row row : a.figures().rows()) {
                String label = row.label().toLowerCase(Locale.ROOT);
                String key = row.key().toLowerCase(Locale.ROOT);
                for (String text : texts) {
                    String t = text.toLowerCase(Locale.ROOT);
                    if (label.contains(t) || key.contains(t)) {
                        problems.add(a.describe() + ": row '" + row.key() + "' '" + row.label()
                                + "' carries text of a case (" + text + ")");
                    }
                }
            }
        }
        return problems;
    }
}
