package org.gongzhi.core.integration.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.gongzhi.core.service.Page;
import org.gongzhi.core.service.dispatch.DispatchOutbox;
import org.gongzhi.core.service.dispatch.DispatchState;
import org.gongzhi.core.service.dispatch.OutboundDispatch;
import org.gongzhi.core.testing.MemoryLeases;

/**
 * The outbox contract in memory, for testing the routes alone (the PostgreSQL outbox has its own
 * tests in the persistence bundle, and the container tests run both together).
 */
final class MemoryOutbox extends MemoryLeases<OutboundDispatch> implements DispatchOutbox {

    MemoryOutbox() {
        super(OutboundDispatch::dispatchId, d -> d.state() == DispatchState.PENDING, OutboundDispatch::nextAttemptAt);
    }

    OutboundDispatch add(String tenant, String department, String title) {
        UUID id = UUID.randomUUID();
        UUID caseId = UUID.randomUUID();
        String payload = "{\"dispatchId\":\"" + id + "\",\"tenant\":\"" + tenant + "\",\"department\":\"" + department
                + "\",\"caseId\":\"" + caseId + "\",\"caseNumber\":\"360802-20261122-000001\",\"title\":\"" + title
                + "\",\"attachments\":[\"https://img.example/a.jpg\"],\"coDepartments\":[]}";
        OutboundDispatch d = new OutboundDispatch(id, tenant, caseId, "360802-20261122-000001", department, true, payload,
                DispatchState.PENDING, 0, Instant.now(), Instant.now(), null, null, null);
        return put(d);
    }

    /** A reply to the 12345 hotline with this payload (as storage writes it at the close). */
    OutboundDispatch addReply(String tenant, String payload) {
        UUID id = UUID.randomUUID();
        OutboundDispatch d = new OutboundDispatch(id, tenant, UUID.randomUUID(), "360802-20261122-000002",
                org.gongzhi.core.tenant.HotlineMapping.REPLY_DEPARTMENT, false, payload.replace("{replyId}", id.toString()),
                DispatchState.PENDING, 0, Instant.now(), Instant.now(), null, null, null);
        return put(d);
    }

    OutboundDispatch row(UUID id) {
        return get(id);
    }

    private boolean settleAs(UUID id, String node, DispatchState state, int more, Instant next, String error,
                           String receipt) {
        return settle(id, node, d -> new OutboundDispatch(id, d.tenantId(), d.caseId(), d.caseNumber(),
                d.department(), d.lead(), d.payload(), state, d.attempts() + more, d.createdAt(),
                next == null ? d.nextAttemptAt() : next, state == DispatchState.DELIVERED ? Instant.now() : null, error,
                receipt));
    }

    @Override
    public boolean delivered(UUID id, String node, String receipt) {
        return settleAs(id, node, DispatchState.DELIVERED, 1, null, null, receipt);
    }

    @Override
    public boolean failed(UUID id, String node, String error, Instant next) {
        return settleAs(id, node, DispatchState.PENDING, 1, next, error, null);
    }

    @Override
    public boolean dead(UUID id, String node, String error) {
        return settleAs(id, node, DispatchState.DEAD, 1, null, error, null);
    }

    @Override
    public boolean unrouted(UUID id, String node, String reason) {
        return settleAs(id, node, DispatchState.UNROUTED, 0, null, reason, null);
    }

    @Override
    public Page<OutboundDispatch> list(String tenantId, DispatchState state, int offset, int limit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public OutboundDispatch replay(String tenantId, UUID dispatchId, String actor) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<OutboundDispatch> awaitingProgress(String tenantId, String department, int limit) {
        return rows().stream()
                .filter(d -> d.state() == DispatchState.DELIVERED && d.tenantId().equals(tenantId)
                        && d.department().equals(department))
                .sorted(java.util.Comparator.comparing(OutboundDispatch::deliveredAt)).limit(limit).toList();
    }
}
