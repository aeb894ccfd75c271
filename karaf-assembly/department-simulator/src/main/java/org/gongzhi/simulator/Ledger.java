package org.gongzhi.simulator;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.IntPredicate;

/**
 * Every dispatch id seen, with its receipt once accepted: the de-duplication that makes a redelivery answer
 * with the first receipt and start no second set of updates. Deliveries of one id are decided one at a time.
 */
final class Ledger {

    enum Kind { ACCEPTED, DUPLICATE, FAILED, CONFLICT }

    /** The decision on one delivery; {@code field} names what differs for a {@link Kind#CONFLICT}. */
    record Result(Kind kind, DispatchRecord record, String field) {
    }

    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final Receipts receipts = new Receipts();

    /**
     * Records a delivery of {@code d}. A dispatch not yet accepted is refused when {@code fails} is true for the
     * number of its deliveries so far (1 for the first), otherwise accepted with a new receipt; an accepted one
     * is a duplicate, or a conflict when its tenant, department or case differ from the accepted delivery.
     */
    Result deliver(Dispatch d, String source, String outcome, IntPredicate fails) {
        Entry e = entries.computeIfAbsent(d.dispatchId(), id -> new Entry(id, now()));
        synchronized (e) {
            e.deliveries++;
            if (e.firstDelivery == null) {
                e.firstDelivery = d;
            }
            if (e.accepted != null) {
                String field = differing(e.accepted, d);
                return new Result(field == null ? Kind.DUPLICATE : Kind.CONFLICT, e.record(), field);
            }
            e.unaccepted++;
            if (fails.test(e.unaccepted)) {
                return new Result(Kind.FAILED, e.record(), null);
            }
            e.accepted = d;
            e.acceptedAt = now();
            e.receipt = receipts.next(d.tenant(), d.department());
            e.source = source;
            e.outcome = outcome;
            return new Result(Kind.ACCEPTED, e.record(), null);
        }
    }

    /** Every dispatch id seen, in the order of first sight. */
    List<DispatchRecord> list() {
        return entries.values().stream()
                .sorted(Comparator.comparing((Entry e) -> e.firstSeen).thenComparing(e -> e.dispatchId))
                .map(e -> {
                    synchronized (e) {
                        return e.record();
                    }
                }).toList();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private static String differing(Dispatch first, Dispatch again) {
        if (!first.tenant().equals(again.tenant())) {
            return "tenant";
        }
        if (!first.department().equals(again.department())) {
            return "department";
        }
        return Objects.equals(first.caseId(), again.caseId()) ? null : "caseId";
    }

    private static final class Entry {
        final String dispatchId;
        final Instant firstSeen;
        int deliveries;
        int unaccepted;
        Dispatch accepted;
        Instant acceptedAt;
        String receipt;
        String source;
        String outcome;
        /** Tenant and so on of the first delivery, for the listing of a never-accepted dispatch. */
        Dispatch firstDelivery;

        Entry(String dispatchId, Instant firstSeen) {
            this.dispatchId = dispatchId;
            this.firstSeen = firstSeen;
        }

        DispatchRecord record() {
            Dispatch d = accepted != null ? accepted : firstDelivery;
            return new DispatchRecord(dispatchId, d == null ? null : d.tenant(), d == null ? null : d.department(),
                    d == null ? null : d.caseId(), receipt, firstSeen.toString(),
                    acceptedAt == null ? null : acceptedAt.toString(),
                    d == null ? null : d.dispatchedAt(), deliveries, source, outcome);
        }
    }
}
