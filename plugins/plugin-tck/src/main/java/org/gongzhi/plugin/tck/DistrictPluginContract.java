package org.gongzhi.plugin.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.plugin.tck.FixedPluginTenants.ENABLED_TENANT;
import static org.gongzhi.plugin.tck.FixedPluginTenants.OTHER_TENANT;
import static org.junit.Assume.assumeFalse;
import static org.junit.Assume.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.gongzhi.plugin.api.PluginStorage;
import org.gongzhi.plugin.api.PluginTenants;
import org.gongzhi.plugin.api.TriageDecision;
import org.gongzhi.plugin.api.TriagePolicy;
import org.junit.Before;
import org.junit.Test;

/**
 * The plugin contract suite (插件契约测试): what every district plugin must do, checked from the
 * plugin API's Javadoc. A plugin runs it by extending this class in its tests and building its
 * services in {@link #createPlugin}; checks of parts it does not register are skipped.
 *
 * <p>The world: tenant {@value FixedPluginTenants#ENABLED_TENANT} enabled the plugin's model,
 * tenant {@value FixedPluginTenants#OTHER_TENANT} did not; {@link CaseSamples} are the cases.
 * Report contributions are asked after the samples went through the plugin, for a month, a quarter
 * and a half-year of 2026 (with data) and of 2018 (before every sample), in both tenants.
 * {@link #createPlugin} may be called twice per test (first to learn the model id) and must build
 * new objects each time; the arguments of the last call are the ones the checks look at.
 *
 * @since 1.0
 */
public abstract class DistrictPluginContract {

    static final Pattern MODEL_ID = Pattern.compile("[a-z][a-z0-9-]*");
    static final Pattern SEMVER = Pattern.compile("(0|[1-9]\\d*)(\\.(0|[1-9]\\d*)){2}(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?");
    static final Pattern CJK = Pattern.compile("\\p{IsHan}");

    private InMemoryPluginStorage storage;
    private PluginUnderTest plugin;

    /** The plugin's services, built as its DS components would be, with these in place of the core's. */
    protected abstract PluginUnderTest createPlugin(PluginStorage storage, PluginTenants tenants);

    @Before
    public final void createPluginUnderTest() {
        PluginUnderTest probe = createPlugin(new InMemoryPluginStorage(ENABLED_TENANT),
                FixedPluginTenants.builder().tenant(ENABLED_TENANT).build());
        assertThat(probe).as("createPlugin must return the plugin's services").isNotNull();
        FixedPluginTenants tenants = FixedPluginTenants.tck(String.valueOf(probe.model().id()));
        storage = new InMemoryPluginStorage(tenants.tenants().toArray(String[]::new));
        plugin = createPlugin(storage, tenants);
    }

    @Test
    public void descriptorIdIsWellFormedAndStable() {
        String id = plugin.model().id();
        assertThat(id).as("DistrictModel.id() must match [a-z][a-z0-9-]*").isNotNull().matches(MODEL_ID);
        assertThat(plugin.model().id()).as("DistrictModel.id() must not change between calls").isEqualTo(id);
    }

    @Test
    public void descriptorHasChineseAndEnglishNames() {
        assertThat(plugin.model().nameZh()).as("DistrictModel.nameZh() must be a name in simplified Chinese")
                .isNotBlank().containsPattern(CJK);
        assertThat(plugin.model().nameEn()).as("DistrictModel.nameEn() must be an English name").isNotBlank();
    }

    @Test
    public void descriptorVersionIsSemantic() {
        assertThat(plugin.model().version()).as("DistrictModel.version() must be a semantic version such as 1.0.0")
                .isNotNull().matches(SEMVER);
    }

    @Test
    public void triageAnswersEverySampleWithoutThrowing() {
        assertThat(TriageChecks.answers(policy(), CaseSamples.facts())).hasSameSizeAs(CaseSamples.facts());
    }

    @Test
    public void triageDecisionsAreValid() {
        assertThat(TriageChecks.problems(policy(), CaseSamples.facts())).as("invalid triage decisions").isEmpty();
    }

    @Test
    public void triageIsDeterministic() {
        List<Optional<TriageDecision>> first = TriageChecks.answers(policy(), CaseSamples.facts());
        assertThat(TriageChecks.answers(policy(), TriageChecks.copies(CaseSamples.facts())))
                .as("the same facts must get an equal decision").isEqualTo(first);
    }

    @Test
    public void triageIsThreadSafe() throws InterruptedException {
        List<Optional<TriageDecision>> expected = TriageChecks.answers(policy(), CaseSamples.facts());
        assertThat(TriageChecks.concurrentMismatches(policy(), CaseSamples.facts(), expected, 8, 100))
                .as("answers from 8 threads at once must equal the answers of one thread").isEmpty();
    }

    @Test
    public void triageP99IsUnderOneMillisecond() {
        long[] sorted = TriageChecks.sortedLatencies(policy(), CaseSamples.facts());
        // the figure district teams quote for the "triage adds under 1 ms p99" target
        System.getLogger(DistrictPluginContract.class.getName()).log(System.Logger.Level.INFO,
                "[TCK] {0} triage over {1} calls: {2}", plugin.model().id(), TriageChecks.TIMED_CALLS,
                TriageChecks.summary(sorted));
        assertThat(TriageChecks.percentile(sorted, 99.0)).as("p99 of %d triage calls after as many warm-up calls "
                + "must be under 1 ms (%s)", TriageChecks.TIMED_CALLS, TriageChecks.summary(sorted))
                .isLessThan(TriageChecks.P99_BUDGET_NANOS);
    }

    @Test
    public void triageDoesNoStorageIo() {
        TriageChecks.answers(policy(), CaseSamples.facts());
        assertThat(storage.calls()).as("a triage policy must not block: no storage calls").isEmpty();
    }

    /**
     * Since 1.3 the core fills {@link org.gongzhi.plugin.api.CaseFacts#categoryFamily()},
     * {@code categoryName()} and {@code leadDepartmentKind()}; they are null for a category the district
     * lacks, and in facts built by code written before 1.3. Triage, guards and listeners must cope.
     */
    @Test
    public void pluginsCopeWithFactsWithoutFamilyNameOrLeadKind() {
        List<org.gongzhi.plugin.api.CaseFacts> bare = CaseSamples.facts().stream()
                .map(f -> new org.gongzhi.plugin.api.CaseFacts(f.tenantId(), f.caseNumber(), f.categoryCode(),
                        f.defaultTier(), f.gridCode(), f.channel(), f.title(), f.reportedAt()))
                .toList();
        assumeTrue("the plugin registers no TriagePolicy, TransitionGuard or CaseLifecycleListener",
                plugin.triagePolicy() != null || !plugin.guards().isEmpty() || !plugin.listeners().isEmpty());
        if (plugin.triagePolicy() != null) {
            assertThat(TriageChecks.answers(plugin.triagePolicy(), bare)).hasSameSizeAs(bare);
        }
        if (!plugin.guards().isEmpty()) {
            Deliveries.sweepGuards(plugin, bare);
        }
        if (!plugin.listeners().isEmpty()) {
            Deliveries.exercise(plugin, bare);
        }
    }

    @Test
    public void guardsAnswerEveryActionWithoutThrowing() {
        assumeFalse("the plugin registers no TransitionGuard", plugin.guards().isEmpty());
        Deliveries.sweepGuards(plugin, CaseSamples.facts());
        Deliveries.exercise(plugin, CaseSamples.facts(ENABLED_TENANT));
        Deliveries.sweepGuards(plugin, CaseSamples.facts());
    }

    @Test
    public void guardRefusalsGiveChineseReasons() {
        assumeFalse("the plugin registers no TransitionGuard", plugin.guards().isEmpty());
        assertThat(Deliveries.sweepGuards(plugin, CaseSamples.facts())).as("a refusal needs a reason, zh-CN first")
                .allSatisfy(r -> assertThat(r.reason()).isNotBlank().containsPattern(CJK));
    }

    @Test
    public void guardsDoNotWrite() {
        assumeFalse("the plugin registers no TransitionGuard", plugin.guards().isEmpty());
        Deliveries.sweepGuards(plugin, CaseSamples.facts());
        assertThat(storage.writes()).as("a guard may read its records but must not write them").isEmpty();
    }

    @Test
    public void listenersAcceptEveryKindOfEvent() {
        requireListeners();
        Deliveries.tellListeners(plugin, CaseSamples.facts(), 1);
    }

    @Test
    public void listenersSurviveARepeatedEvent() {
        requireListeners();
        Deliveries.tellListeners(plugin, CaseSamples.facts(ENABLED_TENANT), 2);
    }

    @Test
    public void listenersAreIdempotent() {
        requireListeners();
        assertThat(Deliveries.repeatsThatChangedRecords(plugin, storage, CaseSamples.facts(ENABLED_TENANT)))
                .as("telling a listener the same event again must leave the records as they were").isEmpty();
    }

    @Test
    public void listenersReturnWithin200Milliseconds() {
        requireListeners();
        assertThat(Deliveries.slowListenerCalls(plugin, CaseSamples.facts()))
                .as("each listener call must return within 200 ms").isEmpty();
    }

    @Test
    public void storageIsUsedWithinTheApiRules() {
        exerciseWritingParts();
        assertThat(storage.rejectedCalls()).as("storage calls refused with IllegalArgumentException (collection "
                + "name not [a-z][a-z0-9-]{0,39}, bad id, ref or data), even if the plugin caught it").isEmpty();
    }

    @Test
    public void recordsAreWrittenOnlyInTheEnabledTenant() {
        exerciseWritingParts();
        assertThat(storage.writes()).as("writes outside tenant %s, which enabled the model", ENABLED_TENANT)
                .filteredOn(c -> !ENABLED_TENANT.equals(c.tenantId())).isEmpty();
        storage.clearCalls();
        Deliveries.exercise(plugin, CaseSamples.facts(FixedPluginTenants.OTHER_TENANT));
        assertThat(storage.writes()).as("events and facts of tenant %s, which did not enable the model, "
                + "must leave no records (check PluginTenants.isEnabled)", FixedPluginTenants.OTHER_TENANT).isEmpty();
    }

    @Test
    public void recordsAreWrittenOnlyUnderTheOwnModelId() {
        exerciseWritingParts();
        String own = plugin.model().id();
        assertThat(storage.writes()).as("writes under another model id than the plugin's own '%s'", own)
                .filteredOn(c -> !own.equals(c.modelId())).isEmpty();
    }

    @Test
    public void reportsAnswerEveryKindAndPeriodWithoutThrowing() {
        requireReports();
        assertThat(askEveryPeriodInBothTenants()).as("one answer per contribution, period and tenant")
                .hasSize(2 * plugin.reportContributions().size() * ReportChecks.ALL_PERIODS.size());
    }

    @Test
    public void reportsAnswerWithinTwoSeconds() {
        requireReports();
        assertThat(askEveryPeriodInBothTenants()).as("each report contribution must answer within 2 s")
                .filteredOn(a -> a.nanos() >= ReportChecks.BUDGET_NANOS)
                .extracting(a -> a.describe() + " took " + a.nanos() / 1_000_000 + " ms").isEmpty();
    }

    @Test
    public void reportSectionsAreWellFormed() {
        requireReports();
        assertThat(ReportChecks.problems(askEveryPeriodInBothTenants())).as("ill-formed report sections (headings "
                + "in Chinese; tables with rows; values String/Number/null; INTEGER whole, PERCENT in [0, 1])").isEmpty();
    }

    @Test
    public void reportsDoNotWrite() {
        requireReports();
        askEveryPeriodInBothTenants();
        assertThat(storage.writes()).as("a report contribution may read its records but must not write them").isEmpty();
    }

    @Test
    public void reportsOfAPeriodWithoutDataShowNoFigures() {
        requireReports();
        Deliveries.exercise(plugin, CaseSamples.facts());
        assertThat(ReportChecks.askAll(plugin, ENABLED_TENANT, ReportChecks.EMPTY_PERIODS))
                .as("periods before every sample have nothing to report: answer an empty list, or sections "
                        + "without a table that say so (本期无数据)")
                .filteredOn(a -> !ReportChecks.showsNothing(a)).extracting(ReportChecks.Answer::describe).isEmpty();
    }

    @Test
    public void reportsForATenantWithoutTheModelShowNothing() {
        requireReports();
        Deliveries.exercise(plugin, CaseSamples.facts());
        storage.clearCalls();
        assertThat(ReportChecks.askAll(plugin, OTHER_TENANT, ReportChecks.ALL_PERIODS))
                .as("tenant %s did not enable the model: answer an empty list, or sections without a table",
                        OTHER_TENANT)
                .filteredOn(a -> !ReportChecks.showsNothing(a)).extracting(ReportChecks.Answer::describe).isEmpty();
        assertThat(storage.calls()).as("asked about tenant %s, a report contribution must not read the records of "
                + "another tenant (check PluginTenants.isEnabled first)", OTHER_TENANT)
                .filteredOn(c -> !OTHER_TENANT.equals(c.tenantId())).isEmpty();
    }

    @Test
    public void reportsReadOnlyTheirOwnTenantAndModel() {
        requireReports();
        Deliveries.exercise(plugin, CaseSamples.facts());
        storage.clearCalls();
        ReportChecks.askAll(plugin, ENABLED_TENANT, ReportChecks.ALL_PERIODS);
        String own = plugin.model().id();
        assertThat(storage.calls()).as("asked about tenant %s, a report contribution reads only that tenant's "
                + "records of its own model '%s'", ENABLED_TENANT, own)
                .filteredOn(c -> !ENABLED_TENANT.equals(c.tenantId()) || !own.equals(c.modelId())).isEmpty();
        assertThat(storage.rejectedCalls()).as("storage calls refused with IllegalArgumentException while reporting")
                .isEmpty();
    }

    @Test
    public void consolePagesAreWellFormed() {
        requireConsolePages();
        assertThat(ConsolePageChecks.settingProblems(plugin)).as("console pages: model() the descriptor's id (not "
                + "'kit'), id() unique and [a-z0-9][a-z0-9-]{0,39}, labelZh() Chinese ≤ 20, labelEn() ≤ 40, module() a .js "
                + "path, roles() among the staff roles").isEmpty();
    }

    @Test
    public void consolePageModulesAreInTheBundle() {
        requireConsolePages();
        assertThat(ConsolePageChecks.moduleProblems(plugin)).as("console page modules: in the bundle, UTF-8, "
                + "exporting mount(el, ctx), naming their data-page key, importing only sibling modules and the page kit "
                + ConsolePageChecks.KIT + ", writing no HTML from strings").isEmpty();
    }

    @Test
    public void screenPanelsAreWellFormed() {
        requireScreenPanels();
        assertThat(ConsolePageChecks.panelSettingProblems(plugin)).as("screen panels: model() the descriptor's id "
                + "(not 'kit'), id() [a-z0-9][a-z0-9-]{0,39} unique among the model's panels and console pages, "
                + "labelZh() Chinese ≤ 20, labelEn() ≤ 40, module() a .js path").isEmpty();
    }

    @Test
    public void screenPanelModulesAreInTheBundle() {
        requireScreenPanels();
        assertThat(ConsolePageChecks.panelModuleProblems(plugin)).as("screen panel modules: in the bundle, UTF-8, "
                + "exporting mount(el, ctx), naming their data-panel key, importing only sibling modules and the kit ("
                + ConsolePageChecks.KIT + ", " + ConsolePageChecks.SCREEN_KIT + "), writing no HTML from strings").isEmpty();
    }

    @Test
    public void screenPanelFiguresAnswerWithinTwoSeconds() {
        requireScreenPanels();
        Deliveries.exercise(plugin, CaseSamples.facts());
        assertThat(ScreenPanelChecks.askAll(plugin, ENABLED_TENANT)).as("each screen panel must answer, not null, "
                + "within 2 s").filteredOn(a -> a.nanos() >= ScreenPanelChecks.BUDGET_NANOS)
                .extracting(a -> a.describe() + " took " + a.nanos() / 1_000_000 + " ms").isEmpty();
    }

    @Test
    public void screenPanelFiguresOnlyReadTheirOwnTenantAndModel() {
        requireScreenPanels();
        Deliveries.exercise(plugin, CaseSamples.facts());
        storage.clearCalls();
        ScreenPanelChecks.askAll(plugin, ENABLED_TENANT);
        String own = plugin.model().id();
        assertThat(storage.writes()).as("a screen panel may read its records but must not write them").isEmpty();
        assertThat(storage.calls()).as("asked about tenant %s, a screen panel reads only that tenant's records of its "
                + "own model '%s'", ENABLED_TENANT, own)
                .filteredOn(c -> !ENABLED_TENANT.equals(c.tenantId()) || !own.equals(c.modelId())).isEmpty();
        assertThat(storage.rejectedCalls()).as("storage calls refused with IllegalArgumentException").isEmpty();
    }

    @Test
    public void screenPanelFiguresCarryNoCaseText() {
        requireScreenPanels();
        Deliveries.exercise(plugin, CaseSamples.facts());
        assertThat(ScreenPanelChecks.caseTextInLabels(ScreenPanelChecks.askAll(plugin, ENABLED_TENANT)))
                .as("a wall screen is public: row labels name places, organisations or categories, never a case's "
                        + "title, number or id").isEmpty();
    }

    private void requireScreenPanels() {
        assumeFalse("the plugin registers no ScreenPanel", plugin.screenPanels().isEmpty());
    }

    private void requireConsolePages() {
        assumeFalse("the plugin registers no ConsolePage", plugin.consolePages().isEmpty());
    }

    private TriagePolicy policy() {
        assumeTrue("the plugin registers no TriagePolicy", plugin.triagePolicy() != null);
        return plugin.triagePolicy();
    }

    private void requireReports() {
        assumeFalse("the plugin registers no ReportContribution", plugin.reportContributions().isEmpty());
    }

    /** Takes the samples through the plugin, forgets the calls, then asks every period in both tenants. */
    private List<ReportChecks.Answer> askEveryPeriodInBothTenants() {
        Deliveries.exercise(plugin, CaseSamples.facts());
        storage.clearCalls();
        List<ReportChecks.Answer> answers = new ArrayList<>(
                ReportChecks.askAll(plugin, ENABLED_TENANT, ReportChecks.ALL_PERIODS));
        answers.addAll(ReportChecks.askAll(plugin, OTHER_TENANT, ReportChecks.ALL_PERIODS));
        return answers;
    }

    private void requireListeners() {
        assumeFalse("the plugin registers no CaseLifecycleListener", plugin.listeners().isEmpty());
    }

    private void exerciseWritingParts() {
        assumeFalse("the plugin registers neither guards nor listeners: nothing it could write",
                plugin.guards().isEmpty() && plugin.listeners().isEmpty());
        Deliveries.exercise(plugin, CaseSamples.facts());
    }
}
