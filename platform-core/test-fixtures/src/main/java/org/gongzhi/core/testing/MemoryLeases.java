package org.gongzhi.core.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The outbox lease protocol in memory, for the in-memory outboxes of route tests (the PostgreSQL
 * outboxes have their own tests): a node claims pending rows, only the node holding a row's claim
 * settles it, and {@link #release} gives up a node's claims. Thread-safe. An in-memory outbox extends
 * it: its public methods are the lease half of the outbox contracts (leases do not expire here).
 *
 * @param <T> an outbox row, immutable
 */
public class MemoryLeases<T> {

    private final Map<UUID, T> rows = new ConcurrentHashMap<>();
    private final Map<UUID, String> claims = new ConcurrentHashMap<>();
    private final Function<T, UUID> key;
    private final Predicate<T> pending;
    private final Function<T, Instant> nextAttempt;

    /**
     * @param key         a row's id
     * @param pending     whether a row waits for delivery
     * @param nextAttempt when a pending row is due
     */
    protected MemoryLeases(Function<T, UUID> key, Predicate<T> pending, Function<T, Instant> nextAttempt) {
        this.key = key;
        this.pending = pending;
        this.nextAttempt = nextAttempt;
    }

    /** Adds or replaces a row; returns it. */
    public T put(T row) {
        rows.put(key.apply(row), row);
        return row;
    }

    public T get(UUID id) {
        return rows.get(id);
    }

    /** The row {@code id} of any tenant, or {@code null}. */
    public T get(String tenantId, UUID id) {
        return rows.get(id);
    }

    /** All rows, in no order. */
    public List<T> rows() {
        return List.copyOf(rows.values());
    }

    /** Claims up to {@code max} pending rows due now that nobody holds; the lease never expires. */
    public synchronized List<T> claimDue(String node, int max, Duration lease) {
        return claimDue(node, max, lease, row -> true);
    }

    /** {@link #claimDue(String, int, Duration)} of the rows that also pass {@code also}. */
    public synchronized List<T> claimDue(String node, int max, Duration lease, java.util.function.Predicate<T> also) {
        List<T> out = new ArrayList<>();
        for (T row : rows.values()) {
            if (out.size() < max && pending.test(row) && also.test(row) && !nextAttempt.apply(row).isAfter(Instant.now())
                    && claims.putIfAbsent(key.apply(row), node) == null) {
                out.add(row);
            }
        }
        return out;
    }

    /** Claims one pending row, due or not, unless someone holds it. */
    public synchronized Optional<T> claim(UUID id, String node, Duration lease) {
        T row = rows.get(id);
        return row != null && pending.test(row) && claims.putIfAbsent(id, node) == null
                ? Optional.of(row) : Optional.empty();
    }

    /** Replaces the row by {@code outcome} of it and drops the claim; false unless {@code node} held it. */
    public synchronized boolean settle(UUID id, String node, UnaryOperator<T> outcome) {
        if (!node.equals(claims.get(id))) {
            return false;
        }
        claims.remove(id);
        rows.put(id, outcome.apply(rows.get(id)));
        return true;
    }

    /** Gives up every claim {@code node} holds; returns how many. */
    public int release(String node) {
        int n = 0;
        for (var e : claims.entrySet()) {
            if (e.getValue().equals(node) && claims.remove(e.getKey(), node)) {
                n++;
            }
        }
        return n;
    }
}
