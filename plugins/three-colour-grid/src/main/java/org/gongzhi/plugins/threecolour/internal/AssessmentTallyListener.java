package org.gongzhi.plugins.threecolour.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

import org.gongzhi.plugin.api.CaseEvent;
import org.gongzhi.plugin.api.CaseLifecycleListener;
import org.gongzhi.plugin.api.DistrictModel;
import org.gongzhi.plugin.api.PluginStorage;
import org.gongzhi.plugin.api.PluginTenants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the {@link TallyBook} of each grid up to date from the closed loop, for 一月一调度、一季一督查、
 * 半年一通报, and the big screen's colours. Steps count in the month they happen; what became of the cases reported in a month
 * (closed, rejected) counts in the month they were reported, so closure rates compare like with like.
 * Months in China Standard Time. Events without a grid are skipped; failures are logged, never thrown.
 *
 * <p>Only tenants that enabled the model are tallied ({@link PluginTenants#isEnabled}). Idempotent:
 * each tally counts one event (case, action, time of the step) at most once, so a repeated
 * delivery changes nothing (see {@link TallyBook#addOnce}).
 */
@Component(property = DistrictModel.MODEL_PROPERTY + "=" + ThreeColourGridModel.ID)
public final class AssessmentTallyListener implements CaseLifecycleListener {

    private static final Logger LOG = LoggerFactory.getLogger(AssessmentTallyListener.class);

    private final PluginStorage storage;
    private final PluginTenants tenants;
    private final Clock clock;

    @Activate
    public AssessmentTallyListener(@Reference PluginStorage storage, @Reference PluginTenants tenants) {
        this(storage, tenants, Clock.systemUTC());
    }

    AssessmentTallyListener(PluginStorage storage, PluginTenants tenants, Clock clock) {
        this.storage = storage;
        this.tenants = tenants;
        this.clock = clock;
    }

    @Override
    public void onCaseEvent(CaseEvent event) {
        String tenant = event.facts().tenantId();
        if (!tenants.isEnabled(tenant, ThreeColourGridModel.ID)) {
            LOG.debug("Tenant {} did not enable {}: case {} not tallied", tenant, ThreeColourGridModel.ID, event.caseId());
            return;
        }
        String grid = event.facts().gridCode();
        if (grid == null || !Check.GRID.matcher(grid).matches()) {
            LOG.debug("Case {} has no usable grid code ({}): not tallied", event.caseId(), grid);
            return;
        }
        Map<YearMonth, Map<String, Long>> deltas = deltas(event, clock.instant());
        if (deltas.isEmpty()) {
            return;
        }
        String key = TallyBook.eventKey(event.caseId(), event.action(), event.at());
        TallyBook book;
        try {
            book = new TallyBook(storage.collection(tenant, ThreeColourGridModel.ID, ThreeColourGridModel.TALLIES));
        } catch (RuntimeException e) {
            LOG.warn("Tallies of tenant {} missed {} of case {}: {}", tenant, event.action(), event.caseId(), e.toString());
            return;
        }
        deltas.forEach((month, counters) -> {
            try {
                if (book.addOnce(grid, month, counters, key).isEmpty()) {
                    LOG.debug("Tally {} of tenant {} had already counted {} of case {} at {}", TallyBook.id(grid, month),
                            tenant, event.action(), event.caseId(), event.at());
                }
            } catch (RuntimeException e) {
                LOG.warn("Tally {} of tenant {} missed {} of case {}: {}", TallyBook.id(grid, month),
                        tenant, event.action(), event.caseId(), e.toString());
            }
        });
    }

    /** What one step adds to which month's tally; empty for steps that count nothing. */
    static Map<YearMonth, Map<String, Long>> deltas(CaseEvent event, Instant now) {
        YearMonth stepMonth = month(event.at() == null ? now : event.at());
        YearMonth reportMonth = month(event.facts().reportedAt());
        Map<YearMonth, Map<String, Long>> d = new LinkedHashMap<>();
        switch (event.action()) {
            case "report" -> {
                add(d, reportMonth, TallyBook.REPORTED, 1);
                JizhouTriage.tierOf(event.facts()).ifPresent(t -> add(d, reportMonth, TallyBook.reportedIn(t), 1));
            }
            case "reject" -> add(d, reportMonth, TallyBook.REPORTED_REJECTED, 1);
            case "verify-pass" -> add(d, stepMonth, TallyBook.VERIFIED, 1);
            case "verify-fail" -> add(d, stepMonth, TallyBook.REWORKS, 1);
            case "close" -> {
                add(d, stepMonth, TallyBook.CLOSED, 1);
                add(d, reportMonth, TallyBook.REPORTED_CLOSED, 1);
            }
            case "reopen" -> {
                add(d, stepMonth, TallyBook.REOPENED, 1);
                if ("rejected".equals(event.from())) {
                    add(d, reportMonth, TallyBook.REPORTED_REJECTED, -1);
                } else if ("closed".equals(event.from()) || "evaluated".equals(event.from())) {
                    add(d, reportMonth, TallyBook.REPORTED_CLOSED, -1);
                }
            }
            default -> {
                // dispatch, accept, feedback… count nothing
            }
        }
        return d;
    }

    private static void add(Map<YearMonth, Map<String, Long>> d, YearMonth month, String counter, long amount) {
        d.computeIfAbsent(month, m -> new LinkedHashMap<>()).merge(counter, amount, Long::sum);
    }

    static YearMonth month(Instant at) {
        return YearMonth.from(at.atZone(ThreeColourGridModel.ZONE));
    }
}
