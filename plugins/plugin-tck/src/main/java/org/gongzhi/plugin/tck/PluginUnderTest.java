package org.gongzhi.plugin.tck;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.gongzhi.plugin.api.CaseLifecycleListener;
import org.gongzhi.plugin.api.ConsolePage;
import org.gongzhi.plugin.api.DistrictModel;
import org.gongzhi.plugin.api.ReportContribution;
import org.gongzhi.plugin.api.ScreenPanel;
import org.gongzhi.plugin.api.TransitionGuard;
import org.gongzhi.plugin.api.TriagePolicy;

/**
 * The services one plugin registers, built as its DS components would be, for
 * {@link DistrictPluginContract}. Only the descriptor is required; checks of the parts a plugin
 * does not provide are skipped.
 *
 * <pre>{@code
 * return PluginUnderTest.of(new StudioModel())
 *         .withTriagePolicy(new StudioTriage())
 *         .withGuards(new AgreementGuard(storage))
 *         .withListeners(new StudioJournal(storage, tenants))
 *         .withReportContributions(new StudioReport(storage, tenants))
 *         .withConsolePages(new DisputesPage())
 *         .withScreenPanels(new MediationPanel(storage));
 * }</pre>
 *
 * @param model               the {@link DistrictModel} descriptor
 * @param triagePolicy        the {@link TriagePolicy}, or null when the plugin has none
 * @param guards              its {@link TransitionGuard}s, possibly none
 * @param listeners           its {@link CaseLifecycleListener}s, possibly none
 * @param reportContributions its {@link ReportContribution}s (report sections), possibly none
 * @param consolePages        its {@link ConsolePage}s (web console pages), possibly none
 * @param screenPanels        its {@link ScreenPanel}s (big-screen panels), possibly none
 */
public record PluginUnderTest(DistrictModel model, TriagePolicy triagePolicy, List<TransitionGuard> guards,
                              List<CaseLifecycleListener> listeners, List<ReportContribution> reportContributions,
                              List<ConsolePage> consolePages, List<ScreenPanel> screenPanels) {

    public PluginUnderTest {
        Objects.requireNonNull(model, "model: every plugin registers a DistrictModel");
        guards = List.copyOf(guards == null ? List.of() : guards);
        listeners = List.copyOf(listeners == null ? List.of() : listeners);
        reportContributions = List.copyOf(reportContributions == null ? List.of() : reportContributions);
        consolePages = List.copyOf(consolePages == null ? List.of() : consolePages);
        screenPanels = List.copyOf(screenPanels == null ? List.of() : screenPanels);
    }

    /** The services of a plugin without screen panels (the constructor of TCK 1.2). */
    public PluginUnderTest(DistrictModel model, TriagePolicy triagePolicy, List<TransitionGuard> guards,
                           List<CaseLifecycleListener> listeners, List<ReportContribution> reportContributions,
                           List<ConsolePage> consolePages) {
        this(model, triagePolicy, guards, listeners, reportContributions, consolePages, List.of());
    }

    /** The services of a plugin without console pages (the constructor of TCK 1.1). */
    public PluginUnderTest(DistrictModel model, TriagePolicy triagePolicy, List<TransitionGuard> guards,
                           List<CaseLifecycleListener> listeners, List<ReportContribution> reportContributions) {
        this(model, triagePolicy, guards, listeners, reportContributions, List.of(), List.of());
    }

    /** The services of a plugin without report contributions (the constructor of TCK 1.0). */
    public PluginUnderTest(DistrictModel model, TriagePolicy triagePolicy, List<TransitionGuard> guards,
                           List<CaseLifecycleListener> listeners) {
        this(model, triagePolicy, guards, listeners, List.of(), List.of(), List.of());
    }

    /** A plugin that registers only its descriptor so far. */
    public static PluginUnderTest of(DistrictModel model) {
        return new PluginUnderTest(model, null, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    public PluginUnderTest withTriagePolicy(TriagePolicy policy) {
        return new PluginUnderTest(model, Objects.requireNonNull(policy, "policy"), guards, listeners,
                reportContributions, consolePages, screenPanels);
    }

    /** Adds guards to those already listed. */
    public PluginUnderTest withGuards(TransitionGuard... more) {
        List<TransitionGuard> all = new ArrayList<>(guards);
        all.addAll(List.of(more));
        return new PluginUnderTest(model, triagePolicy, all, listeners, reportContributions, consolePages, screenPanels);
    }

    /** Adds listeners to those already listed. */
    public PluginUnderTest withListeners(CaseLifecycleListener... more) {
        List<CaseLifecycleListener> all = new ArrayList<>(listeners);
        all.addAll(List.of(more));
        return new PluginUnderTest(model, triagePolicy, guards, all, reportContributions, consolePages, screenPanels);
    }

    /** Adds report contributions (sections of the periodic reports) to those already listed. */
    public PluginUnderTest withReportContributions(ReportContribution... more) {
        List<ReportContribution> all = new ArrayList<>(reportContributions);
        all.addAll(List.of(more));
        return new PluginUnderTest(model, triagePolicy, guards, listeners, all, consolePages, screenPanels);
    }

    /** Adds console pages to those already listed. */
    public PluginUnderTest withConsolePages(ConsolePage... more) {
        List<ConsolePage> all = new ArrayList<>(consolePages);
        all.addAll(List.of(more));
        return new PluginUnderTest(model, triagePolicy, guards, listeners, reportContributions, all, screenPanels);
    }

    /** Adds big-screen panels to those already listed. */
    public PluginUnderTest withScreenPanels(ScreenPanel... more) {
        List<ScreenPanel> all = new ArrayList<>(screenPanels);
        all.addAll(List.of(more));
        return new PluginUnderTest(model, triagePolicy, guards, listeners, reportContributions, consolePages, all);
    }
}
