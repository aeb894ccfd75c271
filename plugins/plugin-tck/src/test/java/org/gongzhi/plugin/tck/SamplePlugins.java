package org.gongzhi.plugin.tck;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.gongzhi.plugin.api.CaseEvent;
import org.gongzhi.plugin.api.CaseFacts;
import org.gongzhi.plugin.api.CaseLifecycleListener;
import org.gongzhi.plugin.api.ConsolePage;
import org.gongzhi.plugin.api.DistrictModel;
import org.gongzhi.plugin.api.PluginStorage;
import org.gongzhi.plugin.api.PluginRecord;
import org.gongzhi.plugin.api.PluginTenants;
import org.gongzhi.plugin.api.RecordCollection;
import org.gongzhi.plugin.api.ReportContribution;
import org.gongzhi.plugin.api.ReportSection;
import org.gongzhi.plugin.api.ReportTable;
import org.gongzhi.plugin.api.ScreenFigures;
import org.gongzhi.plugin.api.ScreenPanel;
import org.gongzhi.plugin.api.TransitionGuard;
import org.gongzhi.plugin.api.TriageDecision;
import org.gongzhi.plugin.api.TriagePolicy;

/** Small plugins, good and broken, that the contract suite is tried on. */
final class SamplePlugins {

    static final String MODEL = "sample-model";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private SamplePlugins() {
    }

    record Model(String id, String nameZh, String nameEn, String version) implements DistrictModel {
        static Model good() {
            return new Model(MODEL, "样例模式", "Sample model", "1.0.0");
        }
    }

    /** The category's tier with the core's due periods; no opinion on an unknown tier. */
    static class TierPolicy implements TriagePolicy {
        @Override
        public Optional<TriageDecision> triage(CaseFacts f) {
            if (f.defaultTier() == null) {
                return Optional.empty();
            }
            return switch (f.defaultTier()) {
                case "simple" -> Optional.of(decision("simple", 2, 0));
                case "coordination" -> Optional.of(decision("coordination", 0, 5));
                case "difficult" -> Optional.of(decision("difficult", 0, 15));
                default -> Optional.empty();
            };
        }

        TriageDecision decision(String tier, int hours, int days) {
            return new TriageDecision(tier, hours, days, null, List.of(), false, Map.of("sample", tier));
        }
    }

    /** Refuses verify-pass of difficult cases until a consultation record (会商记录) exists. */
    static class ConsultationGuard implements TransitionGuard {
        final PluginStorage storage;

        ConsultationGuard(PluginStorage storage) {
            this.storage = storage;
        }

        @Override
        public Optional<String> check(CaseFacts f, String caseId, String action) {
            if (!"verify-pass".equals(action) || !"difficult".equals(f.defaultTier())) {
                return Optional.empty();
            }
            boolean consulted = storage.collection(f.tenantId(), MODEL, "consultations").get(caseId).isPresent();
            return consulted ? Optional.empty() : Optional.of("须先录入会商记录 (a consultation record is required first)");
        }
    }

    /** Keeps one record per step of a case, keyed by the step, so a repeated event changes nothing. */
    static class StepLog implements CaseLifecycleListener {
        final PluginStorage storage;
        final PluginTenants tenants;

        StepLog(PluginStorage storage, PluginTenants tenants) {
            this.storage = storage;
            this.tenants = tenants;
        }

        @Override
        public void onCaseEvent(CaseEvent e) {
            if (!tenants.isEnabled(e.facts().tenantId(), MODEL)) {
                return;
            }
            storage.collection(e.facts().tenantId(), MODEL, "steps").put(e.caseId() + ":" + e.at().toEpochMilli(),
                    Map.of("action", e.action(), "to", e.to(), "day", LocalDate.ofInstant(e.at(), ZONE).toString()),
                    List.of("caseId=" + e.caseId()), null);
        }
    }

    /** 闭环步骤统计: the steps {@link StepLog} kept, per action, on the days of the period. */
    static class StepReport implements ReportContribution {
        final PluginStorage storage;
        final PluginTenants tenants;

        StepReport(PluginStorage storage, PluginTenants tenants) {
            this.storage = storage;
            this.tenants = tenants;
        }

        @Override
        public List<ReportSection> sections(String tenantId, String kind, LocalDate from, LocalDate to) {
            if (!tenants.isEnabled(tenantId, MODEL)) {
                return List.of();
            }
            RecordCollection steps = storage.collection(tenantId, MODEL, "steps");
            Map<String, Long> byAction = new TreeMap<>();
            long total = 0;
            for (int offset = 0; ; offset += RecordCollection.MAX_LIMIT) {
                List<PluginRecord> page = steps.find(null, offset, RecordCollection.MAX_LIMIT);
                for (PluginRecord r : page) {
                    LocalDate day = LocalDate.parse((String) r.data().get("day"));
                    if (!day.isBefore(from) && day.isBefore(to)) {
                        byAction.merge((String) r.data().get("action"), 1L, Long::sum);
                        total++;
                    }
                }
                if (page.size() < RecordCollection.MAX_LIMIT) {
                    break;
                }
            }
            if (total == 0) {
                return List.of(ReportSection.noData("闭环步骤统计", "Closed-loop steps"));
            }
            long all = total;
            List<List<Object>> rows = byAction.entrySet().stream()
                    .map(e -> List.<Object>of(e.getKey(), e.getValue(), (double) e.getValue() / all)).toList();
            return List.of(new ReportSection("闭环步骤统计", "Closed-loop steps", List.of("本期共 " + total + " 步。"),
                    new ReportTable(List.of(new ReportTable.Column("步骤", ReportTable.Type.TEXT),
                            new ReportTable.Column("次数", ReportTable.Type.INTEGER),
                            new ReportTable.Column("占比", ReportTable.Type.PERCENT)), rows)));
        }
    }

    /** The good plugin with every part. */
    static PluginUnderTest good(PluginStorage storage, PluginTenants tenants) {
        return PluginUnderTest.of(Model.good()).withTriagePolicy(new TierPolicy())
                .withGuards(new ConsultationGuard(storage)).withListeners(new StepLog(storage, tenants))
                .withReportContributions(new StepReport(storage, tenants))
                .withConsolePages(Page.good("steps"))
                .withScreenPanels(new StepPanel(storage, "step-panel", "screen/step-panel.js"));
    }

    /** 本月闭环步骤: the steps {@link StepLog} kept in the month, in all and by action; module screen/{@code id}.js. */
    static class StepPanel implements ScreenPanel {
        final PluginStorage storage;
        final String id;
        final String module;

        StepPanel(PluginStorage storage, String id, String module) {
            this.storage = storage;
            this.id = id;
            this.module = module;
        }

        @Override
        public String model() {
            return MODEL;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String labelZh() {
            return "本月闭环步骤";
        }

        @Override
        public String labelEn() {
            return "Steps this month";
        }

        @Override
        public String module() {
            return module;
        }

        @Override
        public ScreenFigures figures(String tenantId, YearMonth month) {
            Map<String, Long> byAction = new TreeMap<>();
            for (PluginRecord r : storage.collection(tenantId, MODEL, "steps").find(null, 0, RecordCollection.MAX_LIMIT)) {
                if (YearMonth.from(LocalDate.parse((String) r.data().get("day"))).equals(month)) {
                    byAction.merge((String) r.data().get("action"), 1L, Long::sum);
                }
            }
            ScreenFigures.Builder b = ScreenFigures.builder().count("steps", byAction.values().stream().mapToLong(n -> n).sum());
            byAction.forEach((action, n) -> b.row(action, action, r -> r.count("steps", n)));
            return b.build();
        }
    }

    /** A console page; the modules lie in src/test/resources/console/. */
    record Page(String model, String id, String labelZh, String labelEn, String module, Set<String> roles, int order)
            implements ConsolePage {
        /** A page of the sample model whose module is console/{@code id}.js. */
        static Page good(String id) {
            return new Page(MODEL, id, "流转记录", "Steps", "console/" + id + ".js", Set.of("dispatcher"), 10);
        }
    }

    /** Spins (without sleeping) for {@code millis}. */
    static void spin(long millis) {
        long end = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }
}
