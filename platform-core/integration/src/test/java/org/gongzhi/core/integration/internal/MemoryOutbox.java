package org.gongzhi.core.integration.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.gongzhi.core.service.Page;
import org.gongzhi.core.service.dispatch.DispatchOutbox;
import org.gongzhi.core.service.dispatch.DispatchState;
import org.gongzhi.core.service.dispatch.OutboundDispatch;

/**
 * The outbox contract in memory, for testing the routes alone (the PostgreSQL outbox has its own
 * tests in the persistence bundle, and the container tests run both together).
 */
final class MemoryOutbox implements DispatchOutbox {

    private final Map<UUID, OutboundDispatch> rows = new ConcurrentHashMap<>();
    private final Map<UUID, String> claims = new ConcurrentHashMap<>();

    OutboundDispatch add(String tenant, String department, String title) {
        UUID id = UUID.randomUUID();
        UUID caseId = UUID.randomUUID();
        String payload = "{\"dispatchId\":\"" + id + "\",\"tenant\":\"" + tenant + "\",\"department\":\"" + department
                + "\",\"caseId\":\"" + caseId + "\",\"caseNumber\":\"360802-20261122-000001\",\"title\":\"" + title
                + "\",\"attachments\":[\"https://img.example/a.jpg\"],\"coDepartments\":[]}";
        OutboundDispatch d = new OutboundDispatch(id, tenant, caseId, "360802-20261122-000001", department, true, payload,
                DispatchState.PENDING, 0, Instant.now(), Instant.now(), null, null, null);
        rows.put(id, d);
        return d;
    }

    /** A reply to the 12345 hotline with this payload (as storage writes it at the close). */
    OutboundDispatch addReply(String tenant, String payload) {
        UUID id = UUID.randomUUID();
        OutboundDispatch d = new OutboundDispatch(id, tenant, UUID.randomUUID(), "360802-20261122-000002",
                org.gongzhi.core.tenant.HotlineMapping.REPLY_DEPARTMENT, false, payload.replace("{replyId}", id.toString()),
                DispatchState.PENDING, 0, Instant.now(), Instant.now(), null, null, null);
        rows.put(id, d);
        return d;
    }

    OutboundDispatch row(UUID id) {
        return rows.get(id);
    }

    @Override
    public synchronized List<OutboundDispatch> claimDue(String node, int max, Duration lease) {
        List<OutboundDispatch> out = new ArrayList<>();
        for (OutboundDispatch d : rows.values()) {
            if (out.size() < max && d.state() == DispatchState.PENDING && !d.nextAttemptAt().isAfter(Instant.now())
                    && claims.putIfAbsent(d.dispatchId(), node) == null) {
                out.add(d);
            }
        }
        return out;
    }

    @Override
    public synchronized Optional<OutboundDispatch> claim(UUID id, String node, Duration lease) {
        OutboundDispatch d = rows.get(id);
        return d != null && d.state() == DispatchState.PENDING && claims.putIfAbsent(id, node) == null
                ? Optional.of(d) : Optional.empty();
    }

    private synchronized boolean settle(UUID id, String node, DispatchState state, int more, Instant next, String error,
                                        String receipt) {
        if (!node.equals(claims.get(id))) {
            return false;
        }
        claims.remove(id);
        OutboundDispatch d = rows.get(id);
        rows.put(id, new OutboundDispatch(id, d.tenantId(), d.caseId(), d.caseNumber(), d.department(), d.lead(),
                d.payload(), state, d.attempts() + more, d.createdAt(), next == null ? d.nextAttemptAt() : next,
                state == DispatchState.DELIVERED ? Instant.now() : null, error, receipt));
        return true;
    }

    @Override
    public boolean delivered(UUID id, String node, String receipt) {
        return settle(id, node, DispatchState.DELIVERED, 1, null, null, receipt);
    }

    @Override
    public boolean failed(UUID id, String node, String error, Instant next) {
        return settle(id, node, DispatchState.PENDING, 1, next, error, null);
    }

    @Override
    public boolean dead(UUID id, String node, String error) {
        return settle(id, node, DispatchState.DEAD, 1, null, error, null);
    }

    @Override
    public boolean unrouted(UUID id, String node, String reason) {
        return settle(id, node, DispatchState.UNROUTED, 0, null, reason, null);
    }

    @Override
    public int release(String node) {
        int n = 0;
        for (var e : claims.entrySet()) {
            if (e.getValue().equals(node) && claims.remove(e.getKey(), node)) {
                n++;
            }
        }
        return n;
    }

    @Override
    public Page<OutboundDispatch> list(String tenantId, DispatchState state, int offset, int limit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public OutboundDispatch get(String tenantId, UUID dispatchId) {
        return rows.get(dispatchId);
    }

    @Override
    public OutboundDispatch replay(String tenantId, UUID dispatchId, String actor) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<OutboundDispatch> awaitingProgress(String tenantId, String department, int limit) {
        return rows.values().stream()
                .filter(d -> d.state() == DispatchState.DELIVERED && d.tenantId().equals(tenantId)
                        && d.department().equals(department))
                .sorted(java.util.Comparator.comparing(OutboundDispatch::deliveredAt)).limit(limit).toList();
    }
}
