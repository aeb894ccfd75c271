package org.gongzhi.simulator;

import java.util.function.BiConsumer;

/**
 * The decision on a well-formed dispatch, the same for HTTP and drop files: poison, simulated failure of a
 * first delivery, duplicate, conflict or accepted. Counts and logs it; an accepted dispatch is handed on for
 * its progress updates.
 */
final class Intake {

    static final String HTTP = "http";
    static final String FILE = "file";

    enum Kind { ACCEPTED, DUPLICATE, FAILED, POISON, CONFLICT }

    /** {@code field} names the offending field of a {@link Kind#POISON} or {@link Kind#CONFLICT}. */
    record Outcome(Kind kind, DispatchRecord record, String field) {
    }

    private final Settings settings;
    private final Ledger ledger;
    private final Chance chance;
    private final Stats stats;
    private final EventLog log;
    private final BiConsumer<Dispatch, DispatchRecord> onAccepted;

    Intake(Settings settings, Ledger ledger, Stats stats, EventLog log, BiConsumer<Dispatch, DispatchRecord> onAccepted) {
        this.settings = settings;
        this.ledger = ledger;
        this.chance = new Chance(settings.seed());
        this.stats = stats;
        this.log = log;
        this.onAccepted = onAccepted;
    }

    Outcome receive(Dispatch d, String source) {
        String poison = settings.poisonTitle();
        if (poison != null && d.title().contains(poison)) {
            stats.rejected("422", d.tenant(), d.department());
            log.event("dispatch-poison", "dispatchId", d.dispatchId(), "tenant", d.tenant(), "department",
                    d.department(), "source", source, "title", d.title());
            return new Outcome(Kind.POISON, null, "title");
        }
        // Only HTTP deliveries can be answered with a 503; a file is either readable or not.
        boolean picked = HTTP.equals(source) && chance.hits("fail", d.dispatchId(), settings.failRate());
        String outcome = chance.hits("return", d.dispatchId(), settings.returnRate()) ? "returned" : "resolved";
        Ledger.Result r = ledger.deliver(d, source, outcome, n -> picked && n <= settings.failTimes());
        DispatchRecord rec = r.record();
        switch (r.kind()) {
            case ACCEPTED -> {
                stats.accepted(d.tenant(), d.department());
                log.event("dispatch-accepted", "dispatchId", d.dispatchId(), "tenant", d.tenant(), "department",
                        d.department(), "caseId", d.caseId(), "caseNumber", d.caseNumber(), "receipt", rec.receipt(),
                        "source", source, "outcome", outcome);
                onAccepted.accept(d, rec);
                return new Outcome(Kind.ACCEPTED, rec, null);
            }
            case DUPLICATE -> {
                stats.duplicate(d.tenant(), d.department());
                log.event("dispatch-duplicate", "dispatchId", d.dispatchId(), "receipt", rec.receipt(),
                        "deliveries", rec.deliveries(), "source", source);
                return new Outcome(Kind.DUPLICATE, rec, null);
            }
            case CONFLICT -> {
                stats.rejected("409", d.tenant(), d.department());
                log.event("dispatch-conflict", "dispatchId", d.dispatchId(), "field", r.field(), "source", source);
                return new Outcome(Kind.CONFLICT, rec, r.field());
            }
            default -> {
                stats.rejected("503", d.tenant(), d.department());
                log.event("dispatch-failed", "dispatchId", d.dispatchId(), "tenant", d.tenant(), "department",
                        d.department(), "deliveries", rec.deliveries(), "reason", "simulated failure (--fail-rate)");
                return new Outcome(Kind.FAILED, rec, null);
            }
        }
    }
}
