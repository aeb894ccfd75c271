package org.gongzhi.plugin.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.plugin.tck.SamplePlugins.MODEL;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.gongzhi.plugin.api.CaseLifecycleListener;
import org.gongzhi.plugin.api.PluginStorage;
import org.gongzhi.plugin.api.PluginTenants;
import org.gongzhi.plugin.api.ReportContribution;
import org.gongzhi.plugin.api.ReportSection;
import org.gongzhi.plugin.api.ReportTable;
import org.gongzhi.plugin.api.TransitionGuard;
import org.gongzhi.plugin.api.TriageDecision;
import org.gongzhi.plugin.tck.SamplePlugins.Model;
import org.gongzhi.plugin.tck.SamplePlugins.StepLog;
import org.gongzhi.plugin.tck.SamplePlugins.StepReport;
import org.gongzhi.plugin.tck.SamplePlugins.TierPolicy;
import org.junit.Test;
import org.junit.runner.JUnitCore;
import org.junit.runner.Result;
import org.junit.runner.notification.Failure;

/** The contract suite passes good plugins and catches each kind of broken one. */
public class ContractSelfTest {

    @Test
    public void aCompletePluginPassesEveryCheck() {
        Result r = JUnitCore.runClasses(Good.class);
        assertThat(r.getFailures()).isEmpty();
        assertThat(r.getAssumptionFailureCount()).isZero();
        assertThat(r.getRunCount()).isEqualTo(34);
    }

    @Test
    public void aDescriptorOnlyPluginPassesWithTheRestSkipped() {
        Result r = JUnitCore.runClasses(DescriptorOnly.class);
        assertThat(r.getFailures()).isEmpty();
        assertThat(r.getAssumptionFailureCount()).isEqualTo(31);
    }

    @Test
    public void catchesABadDescriptor() {
        assertThat(failed(BadDescriptor.class)).containsExactlyInAnyOrder("descriptorIdIsWellFormedAndStable",
                "descriptorHasChineseAndEnglishNames", "descriptorVersionIsSemantic");
    }

    @Test
    public void catchesBadTriage() {
        assertThat(failed(ThrowingTriage.class)).contains("triageAnswersEverySampleWithoutThrowing",
                "triageDecisionsAreValid", "triageIsDeterministic", "triageIsThreadSafe");
        assertThat(failed(OverlongTriage.class)).containsExactly("triageDecisionsAreValid");
        assertThat(failed(ChangingTriage.class)).contains("triageIsDeterministic", "triageIsThreadSafe");
        assertThat(failed(SlowTriage.class)).containsExactly("triageP99IsUnderOneMillisecond");
        assertThat(failed(ReadingTriage.class)).containsExactly("triageDoesNoStorageIo");
        assertThat(failed(FamilyTriage.class)).contains("pluginsCopeWithFactsWithoutFamilyNameOrLeadKind");
    }

    @Test
    public void catchesBadGuards() {
        assertThat(failed(ThrowingGuard.class)).contains("guardsAnswerEveryActionWithoutThrowing");
        assertThat(failed(EnglishGuard.class)).containsExactly("guardRefusalsGiveChineseReasons");
        assertThat(failed(WritingGuard.class)).containsExactlyInAnyOrder("guardsDoNotWrite",
                "recordsAreWrittenOnlyInTheEnabledTenant");
    }

    @Test
    public void catchesBadListeners() {
        assertThat(failed(ThrowingListener.class)).contains("listenersAcceptEveryKindOfEvent",
                "listenersSurviveARepeatedEvent");
        assertThat(failed(CountingListener.class)).containsExactly("listenersAreIdempotent");
        assertThat(failed(SlowListener.class)).containsExactly("listenersReturnWithin200Milliseconds");
        assertThat(failed(SwallowingListener.class)).containsExactly("storageIsUsedWithinTheApiRules");
        assertThat(failed(LeakyListener.class)).containsExactly("recordsAreWrittenOnlyInTheEnabledTenant");
        assertThat(failed(ForeignListener.class)).containsExactly("recordsAreWrittenOnlyUnderTheOwnModelId");
    }

    @Test
    public void catchesBadReportContributions() {
        assertThat(failed(ThrowingReport.class)).contains("reportsAnswerEveryKindAndPeriodWithoutThrowing",
                "reportSectionsAreWellFormed", "reportsOfAPeriodWithoutDataShowNoFigures");
        assertThat(failed(NullReport.class)).contains("reportsAnswerEveryKindAndPeriodWithoutThrowing",
                "reportsForATenantWithoutTheModelShowNothing");
        assertThat(failed(SlowReport.class)).containsExactly("reportsAnswerWithinTwoSeconds");
        assertThat(failed(PercentInHundredsReport.class)).containsExactly("reportSectionsAreWellFormed");
        assertThat(failed(EnglishHeadingReport.class)).containsExactly("reportSectionsAreWellFormed");
        assertThat(failed(EmptyTableReport.class)).containsExactly("reportSectionsAreWellFormed");
        assertThat(failed(WritingReport.class)).containsExactly("reportsDoNotWrite");
        assertThat(failed(ZeroRowsReport.class)).containsExactly("reportsOfAPeriodWithoutDataShowNoFigures");
        assertThat(failed(CityWideReport.class)).containsExactly("reportsForATenantWithoutTheModelShowNothing");
        assertThat(failed(ForeignReport.class)).containsExactly("reportsReadOnlyTheirOwnTenantAndModel");
    }

    @Test
    public void catchesBadConsolePages() {
        assertThat(failed(BadPageSettings.class)).containsExactly("consolePagesAreWellFormed");
        assertThat(failed(TwoPagesOneId.class)).containsExactly("consolePagesAreWellFormed");
        assertThat(failed(MissingModule.class)).containsExactly("consolePageModulesAreInTheBundle");
        assertThat(failed(UnsafeModule.class)).containsExactly("consolePageModulesAreInTheBundle");
        assertThat(failed(ModuleWithoutMount.class)).containsExactly("consolePageModulesAreInTheBundle");
        Result unsafe = JUnitCore.runClasses(UnsafeModule.class);
        assertThat(unsafe.getFailures().get(0).getMessage()).contains("innerHTML", "https://cdn.example.org/chart.js",
                "./missing.js", "sample-model/unsafe", "'/console/plugins/kit/9/ui.js'");
        assertThat(failed(KitModel.class)).contains("consolePagesAreWellFormed");
    }

    @Test
    public void catchesBadScreenPanels() {
        assertThat(failed(PanelWithAPageId.class)).containsExactly("screenPanelsAreWellFormed");
        assertThat(failed(UnsafePanel.class)).containsExactly("screenPanelModulesAreInTheBundle");
        Result unsafe = JUnitCore.runClasses(UnsafePanel.class);
        assertThat(unsafe.getFailures().get(0).getMessage()).contains("innerHTML", "sample-model/unsafe-panel",
                "'bars' from /console/plugins/kit/1/screen.js", "data-panel");
        assertThat(failed(ThrowingPanel.class)).containsExactlyInAnyOrder("screenPanelFiguresAnswerWithinTwoSeconds",
                "screenPanelFiguresOnlyReadTheirOwnTenantAndModel", "screenPanelFiguresCarryNoCaseText");
        assertThat(failed(WritingPanel.class)).containsExactly("screenPanelFiguresOnlyReadTheirOwnTenantAndModel");
        assertThat(failed(TitlePanel.class)).containsExactly("screenPanelFiguresCarryNoCaseText");
    }

    public static class PanelWithAPageId extends DistrictPluginContract {
        @Override
        protected PluginUnderTest createPlugin(PluginStorage storage, PluginTenants tenants) {
            return SamplePlugins.good(storage, tenants)
                    .withScreenPanels(new SamplePlugins.StepPanel(storage, "steps", "console/steps.js"));
        }
    }

    public static class UnsafePanel extends DistrictPluginContract {
        @Override
        protected PluginUnderTest createPlugin(PluginStorage storage, PluginTenants tenants) {
            return PluginUnderTest.of(Model.good())
                    .withScreenPanels(new SamplePlugins.StepPanel(storage, "unsafe-panel", "screen/unsafe-panel.js"));
        }
    }

    public static class ThrowingPanel extends DistrictPluginContract {
        @Override
        protected PluginUnderTest createPlugin(PluginStorage storage, PluginTenants tenants) {
            return PluginUnderTest.of(Model.good()).withScreenPanels(
                    new SamplePlugins.StepPanel(storage, "step-panel", "screen/step-panel.js") {
                        @Override
                        public org.gongzhi.plugin.api.ScreenFigures figures(String tenantId, java.time.YearMonth month) {
                            throw new IllegalStateException("not ready");
                        }
                    });
        }
    }

    public static class WritingPanel extends DistrictPluginContract {
        @Override
        protected PluginUnderTest createPlugin(PluginStorage storage, PluginTenants tenants) {
            return PluginUnderTest.of(Model.good()).withScreenPanels(
                    new SamplePlugins.StepPanel(storage, "step-panel", "screen/step-panel.js") {
                        @Override
                        public org.gongzhi.plugin.api.ScreenFigures figures(String tenantId, java.time.YearMonth month) {
                            storage.collection(tenantId, MODEL, "asked").put(month.toString(), Map.of("n", 1), List.of(), null);
                            return super.figures(tenantId, month);
                        }
                    });
        }
    }

    /** Shows what residents reported, by title: the kind of panel a wall screen must never get. */
    public static class TitlePanel extends DistrictPluginContract {
        @Override
        protected PluginUnderTest createPlugin(PluginStorage storage, PluginTenants tenants) {
            return PluginUnderTest.of(Model.good()).withListeners(new StepLog(storage, tenants)).withScreenPanels(
                    new SamplePlugins.StepPanel(storage, "step-panel", "screen/step-panel.js") {
                        @Override
                        public org.gongzhi.plugin.api.ScreenFigures figures(String tenantId, java.time.YearMonth month) {
                            return org.gongzhi.plugin.api.ScreenFigures.builder().count("reports", 1)
                                    .row("latest", "最新：" + CaseSamples.facts().get(0).title(), r -> r.count("n", 1))
                                    .build();
                        }
                    });
        }
    }

    @Test
    public void siblingModulesKeepTheImportAndHtmlRules() {
        List<String> problems = ConsolePageChecks.moduleProblems(
                PluginUnderTest.of(Model.good()).withConsolePages(SamplePlugins.Page.good("unsafe")));
        String helper = "module console/unsafe-helper.js (imported): ";
        assertThat(problems).anyMatch(p -> p.contains(helper + "uses 'insertAdjacentHTML'"))
                .anyMatch(p -> p.contains(helper + "imports '../shared/format.js'"))
                .anyMatch(p -> p.contains(helper + "imports 'html' from /console/plugins/kit/1/ui.js, which has no such export"))
                .noneMatch(p -> p.contains("imports 'h' from"))
                .noneMatch(p -> p.contains("console/unsafe.js (imported)"));
        assertThat(ConsolePageChecks.moduleProblems(
                PluginUnderTest.of(Model.good()).withConsolePages(SamplePlugins.Page.good("steps"))))
                .as("a page and its helper importing the page kit").isEmpty();
    }

    public static class BadPageSettings extends DistrictPluginContract {
        @Override
        protected PluginUnderTest createPlugin(PluginStorage storage, PluginTenants tenants) {
            return PluginUnderTest.of(Model.good()).withConsolePages(new SamplePlugins.Page(MODEL, "steps", "Steps",
                    "Steps", "console/steps.js", java.util.Set.of("resident"), 1));
        }
    }

    public static class KitModel extends DistrictPluginContract {
        @Override
        protected PluginUnderTest createPlugin(PluginStorage storage, PluginTenants tenants) {
            return PluginUnderTest.of(new Model("kit", "工具包", "Kit", "1.0.0")).withConsolePages(
                    new SamplePlugins.Page("kit", "steps", "流转记录", "Steps", "console/steps.js", java.util.Set.of(), 1));
        }
    }

    public static class TwoPagesOneId extends DistrictPluginContract {
        @Override
        protected PluginUnderTest createPlugin(PluginStorage storage, PluginTenants tenants) {
            return PluginUnderTest.of(Model.good()).withConsolePages(SamplePlugins.Page.good("steps"),
                    SamplePlugins.Page.good("steps"));
        }
    }

    public static class MissingModule extends DistrictPluginContract {
        @Override
        protected PluginUnderTest createPlugin(PluginStorage storage, PluginTenants tenants) {
            return PluginUnderTest.of(Model.good()).withConsolePages(SamplePlugins.Page.good("absent"));
        }
    }

    public static class UnsafeModule extends DistrictPluginContract {
        @Override
        protected PluginUnderTest createPlugin(PluginStorage storage, PluginTenants tenants) {
            return PluginUnderTest.of(Model.good()).withConsolePages(SamplePlugins.Page.good("unsafe"));
        }
    }

    public static class ModuleWithoutMount extends DistrictPluginContract {
        @Override
        protected PluginUnderTest createPlugin(PluginStorage storage, PluginTenants tenants) {
            return PluginUnderTest.of(Model.good()).withConsolePages(SamplePlugins.Page.good("nomount"));
        }
    }

    private static List<String> failed(Class<?> contract) {
        return JUnitCore.runClasses(contract).getFailures().stream()
                .map(Failure::getDescription).map(d -> d.getMethodName()).toList();
    }

    public static class Good extends DistrictPluginContract {
        @Override
        protected PluginUnderTest createPlugin(PluginStorage storage, PluginTenants tenants) {
            return SamplePlugins.good(storage, tenants);
        }
    }

    public static class DescriptorOnly extends DistrictPluginContract {
        @Override
        protected PluginUnderTest createPlugin(PluginStorage storage, PluginTenants tenants) {
            return PluginUnderTest.of(Model.good());
        }
    }

    public static class BadDescriptor extends DistrictPluginContract {
        @Override
        protected PluginUnderTest createPlugin(PluginStorage storage, PluginTenants tenants) {
            return PluginUnderTest.of(new Model("Sample_Model", "Sample", " ", "1.0"));
        }
    }

    public static class ThrowingTriage extends DistrictPluginContract {
        @Override
        protected PluginUnderTest createPlugin(PluginStorage storage, PluginTenants tenants) {
            return PluginUnderTest.of(Model.good()).withTriagePolicy(f -> Optional.of(
                    new TierPolicy().decision("simple", f.gridCode().length(), 0)));
        }
    }

    public static class OverlongTriage extends DistrictPluginContract {
        @Override
        protected PluginUnderTest createPlugin(PluginStorage storage, PluginTenants tenants) {
            return PluginUnderTest.of(Model.good()).withTriagePolicy(f -> Optional.of(new TriageDecision("difficult",
                    0, 45, "CITY_MANAGEMENT", List.of(), false, Map.of("note", "x".repeat(41)))));
        }
    }

    public static class ChangingTriage extends DistrictPluginContract {
        @Override
        protected PluginUnderTest createPlugin(PluginStorage storage, PluginTenants tenants) {
            AtomicLong calls = new AtomicLong();
            return PluginUnderTest.of(Model.good()).withTriagePolicy(f -> Optional.of(new TriageDecision("simple",
                    2, 0, null, List.of(), false, Map.of("n", Long.toString(calls.incrementAndGet())))));
        }
    }

    public static class SlowTriage extends DistrictPluginContract {
        @Override
        protected PluginUnderTest createPlugin(PluginStorage storage, PluginTenants tenants) {
            return PluginUnderTest.of(Model.good()).withTriagePolicy(f -> {
                if ("ZZ9999".equals(f.categoryCode())) {
                    SamplePlugins.spin(2);
                }
                return new TierPolicy().triage(f);
            });
        }
    }

    public static class ReadingTriage extends DistrictPluginContract {
        @Override
        protected PluginUnderTest createPlugin(PluginStorage storage, PluginTenants tenants) {
            return PluginUnderTest.of(Model.good()).withTriagePolicy(f -> {
                storage.collection(FixedPluginTenants.ENABLED_TENANT, MODEL, "rules").get("r1");
                return new TierPolicy().triage(f);
            });
        }
    }

    /** Takes the 1.3 family for granted: the facts of older callers (and of unknown categories) have none. */
    public static class FamilyTriage extends DistrictPluginContract {
        @Override
        protected PluginUnderTest createPlugin(PluginStorage storage, PluginTenants tenants) {
            return PluginUnderTest.of(Model.good()).withTriagePolicy(f -> f.categoryFamily().equals("LIVELIHOOD")
                    ? new TierPolicy().triage(f) : java.util.Optional.empty());
        }
    }

    public static class ThrowingGuard extends DistrictPluginContract {
        @Override
        protected PluginUnderTest createPlugin(PluginStorage storage, PluginTenants tenants) {
            TransitionGuard g = (f, id, action) -> "reopen".equals(action) && f.title().isBlank()
                    ? Optional.of("标题为空 (no title)") : Optional.empty();
            return PluginUnderTest.of(Model.good()).withGuards(g);
        }
    }

    public static class EnglishGuard extends DistrictPluginContract {
        @Override
        protected PluginUnderTest createPlugin(PluginStorage storage, PluginTenants tenants) {
            return PluginUnderTest.of(Model.good()).withGuards((f, id, action) -> Optional.of("not allowed"));
        }
    }

    public static class WritingGuard extends DistrictPluginContract {
        @Override
        protected PluginUnderTest createPlugin(PluginStorage storage, PluginTenants tenants) {
            return PluginUnderTest.of(Model.good()).withGuards((f, id, action) -> {
                storage.collection(FixedPluginTenants.ENABLED_TENANT, MODEL, "asked").put(id, Map.of(), List.of(), null);
                return Optional.empty();
            });
        }
    }

    public static class ThrowingListener extends DistrictPluginContract {
        @Override
        protected PluginUnderTest createPlugin(PluginStorage storage, PluginTenants tenants) {
            CaseLifecycleListener l = e -> e.from().length();
            return PluginUnderTest.of(Model.good()).withListeners(l);
        }
    }

    public static class CountingListener extends DistrictPluginContract {
        @Override
        protected PluginUnderTest createPlugin(PluginStorage storage, PluginTenants tenants) {
            return PluginUnderTest.of(Model.good()).withListeners(e -> {
                if (!tenants.isEnabled(e.facts().tenantId(), MODEL)) {
                    return;
                }
                var counts = storage.collection(e.facts().tenantId(), MODEL, "counts");
                long n = counts.get("all").map(r -> ((Number) r.data().get("n")).longValue()).orElse(0L);
                counts.put("all", Map.of("n", n + 1), List.of(), null);
            });
        }
    }

    public static class SlowListener extends DistrictPluginContract {
        @Override
        protected PluginUnderTest createPlugin(PluginStorage storage, PluginTenants tenants) {
            return PluginUnderTest.of(Model.good()).withListeners(e -> {
                if ("ZZ9999".equals(e.facts().categoryCode()) && "report".equals(e.action())) {
                    SamplePlugins.spin(250);
                }
            });
        }
    }

    public static class SwallowingListener extends DistrictPluginContract {
        @Override
        protected PluginUnderTest createPlugin(PluginStorage storage, PluginTenants tenants) {
            return PluginUnderTest.of(Model.good()).withListeners(e -> {
                try {
                    storage.collection(e.facts().tenantId(), MODEL, "Steps");
                } catch (IllegalArgumentException ignored) {
                    // the contract must see this anyway
                }
            });
        }
    }

    public static class LeakyListener extends DistrictPluginContract {
        @Override
        protected PluginUnderTest createPlugin(PluginStorage storage, PluginTenants tenants) {
            return PluginUnderTest.of(Model.good()).withListeners(e -> storage.collection(e.facts().tenantId(), MODEL,
                    "steps").put(e.caseId() + ":" + e.at().toEpochMilli(), Map.of(), List.of(), null));
        }
    }

    public static class ForeignListener extends DistrictPluginContract {
        @Override
        protected PluginUnderTest createPlugin(PluginStorage storage, PluginTenants tenants) {
            return PluginUnderTest.of(Model.good()).withListeners(e -> {
                if (tenants.isEnabled(e.facts().tenantId(), MODEL)) {
                    storage.collection(e.facts().tenantId(), FixedPluginTenants.OTHER_MODEL, "steps")
                            .put(e.caseId(), Map.of(), List.of(), null);
                }
            });
        }
    }

    /** The step log with this report contribution. */
    private static PluginUnderTest reporting(PluginStorage storage, PluginTenants tenants, ReportContribution c) {
        return PluginUnderTest.of(Model.good()).withListeners(new StepLog(storage, tenants)).withReportContributions(c);
    }

    /** The good report with its sections changed by {@code edit}. */
    private static ReportContribution edited(PluginStorage storage, PluginTenants tenants,
                                             java.util.function.UnaryOperator<ReportSection> edit) {
        StepReport good = new StepReport(storage, tenants);
        return (tenant, kind, from, to) -> good.sections(tenant, kind, from, to).stream().map(edit).toList();
    }

    public static class ThrowingReport extends DistrictPluginContract {
        @Override
        protected PluginUnderTest createPlugin(PluginStorage storage, PluginTenants tenants) {
            StepReport good = new StepReport(storage, tenants);
            return reporting(storage, tenants, (tenant, kind, from, to) -> {
                List<ReportSection> s = good.sections(tenant, kind, from, to);
                if (!s.isEmpty() && s.get(0).table() == null) {
                    throw new IllegalStateException("no rows to divide by");
                }
                return s;
            });
        }
    }

    public static class NullReport extends DistrictPluginContract {
        @Override
        protected PluginUnderTest createPlugin(PluginStorage storage, PluginTenants tenants) {
            StepReport good = new StepReport(storage, tenants);
            return reporting(storage, tenants, (tenant, kind, from, to) ->
                    tenants.isEnabled(tenant, SamplePlugins.MODEL) ? good.sections(tenant, kind, from, to) : null);
        }
    }

    public static class SlowReport extends DistrictPluginContract {
        @Override
        protected PluginUnderTest createPlugin(PluginStorage storage, PluginTenants tenants) {
            StepReport good = new StepReport(storage, tenants);
            return reporting(storage, tenants, (tenant, kind, from, to) -> {
                if (ReportContribution.HALF_YEAR.equals(kind) && from.equals(LocalDate.of(2026, 7, 1))
                        && tenants.isEnabled(tenant, SamplePlugins.MODEL)) {
                    SamplePlugins.spin(2_050);
                }
                return good.sections(tenant, kind, from, to);
            });
        }
    }

    public static class PercentInHundredsReport extends DistrictPluginContract {
        @Override
        protected PluginUnderTest createPlugin(PluginStorage storage, PluginTenants tenants) {
            return reporting(storage, tenants, edited(storage, tenants, s -> s.table() == null ? s
                    : new ReportSection(s.headingZh(), s.headingEn(), s.paragraphs(), new ReportTable(s.table().columns(),
                    s.table().rows().stream().map(r -> List.<Object>of(r.get(0), r.get(1),
                            ((Number) r.get(2)).doubleValue() * 100)).toList()))));
        }
    }

    public static class EnglishHeadingReport extends DistrictPluginContract {
        @Override
        protected PluginUnderTest createPlugin(PluginStorage storage, PluginTenants tenants) {
            return reporting(storage, tenants, edited(storage, tenants,
                    s -> new ReportSection("Closed-loop steps", s.headingEn(), s.paragraphs(), s.table())));
        }
    }

    public static class EmptyTableReport extends DistrictPluginContract {
        @Override
        protected PluginUnderTest createPlugin(PluginStorage storage, PluginTenants tenants) {
            return reporting(storage, tenants, edited(storage, tenants, s -> s.table() != null ? s
                    : new ReportSection(s.headingZh(), s.headingEn(), List.of(), new ReportTable(
                    List.of(new ReportTable.Column("步骤", ReportTable.Type.TEXT)), List.of()))));
        }
    }

    public static class WritingReport extends DistrictPluginContract {
        @Override
        protected PluginUnderTest createPlugin(PluginStorage storage, PluginTenants tenants) {
            StepReport good = new StepReport(storage, tenants);
            return reporting(storage, tenants, (tenant, kind, from, to) -> {
                List<ReportSection> s = good.sections(tenant, kind, from, to);
                if (tenants.isEnabled(tenant, SamplePlugins.MODEL)) {
                    storage.collection(tenant, SamplePlugins.MODEL, "report-cache")
                            .put(kind + ":" + from, Map.of("sections", s.size()), List.of(), null);
                }
                return s;
            });
        }
    }

    public static class ZeroRowsReport extends DistrictPluginContract {
        @Override
        protected PluginUnderTest createPlugin(PluginStorage storage, PluginTenants tenants) {
            return reporting(storage, tenants, edited(storage, tenants, s -> s.table() != null ? s
                    : new ReportSection(s.headingZh(), s.headingEn(), List.of(), new ReportTable(
                    List.of(new ReportTable.Column("步骤", ReportTable.Type.TEXT),
                            new ReportTable.Column("次数", ReportTable.Type.INTEGER)),
                    CaseSamples.ACTIONS.stream().map(a -> List.<Object>of(a, 0)).toList()))));
        }
    }

    /** Sums the steps of every tenant that enabled the model, whichever tenant it is asked about. */
    public static class CityWideReport extends DistrictPluginContract {
        @Override
        protected PluginUnderTest createPlugin(PluginStorage storage, PluginTenants tenants) {
            StepReport good = new StepReport(storage, tenants);
            return reporting(storage, tenants, (tenant, kind, from, to) -> {
                List<ReportSection> all = new ArrayList<>();
                for (String t : tenants.tenantsOf(SamplePlugins.MODEL)) {
                    all.addAll(good.sections(t, kind, from, to));
                }
                return all;
            });
        }
    }

    public static class ForeignReport extends DistrictPluginContract {
        @Override
        protected PluginUnderTest createPlugin(PluginStorage storage, PluginTenants tenants) {
            StepReport good = new StepReport(storage, tenants);
            return reporting(storage, tenants, (tenant, kind, from, to) -> {
                if (tenants.isEnabled(tenant, SamplePlugins.MODEL)) {
                    storage.collection(tenant, FixedPluginTenants.OTHER_MODEL, "steps").count(null);
                }
                return good.sections(tenant, kind, from, to);
            });
        }
    }
}
