package org.gongzhi.core.service.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.gongzhi.core.service.ConflictException;
import org.gongzhi.core.service.NotFoundException;
import org.gongzhi.core.service.Page;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The dispatch outbox (派遣外发箱). Dispatching a case writes one {@link OutboundDispatch} per
 * department in the same transaction as the case transition; delivery components claim, deliver
 * and settle them. Claims are leases: a dispatch claimed by one node is not claimed by another
 * until the lease ends, so several platform nodes may share one database without delivering a
 * dispatch twice at once. Methods that settle a claim ({@link #delivered}, {@link #failed},
 * {@link #dead}, {@link #unrouted}) do nothing when {@code node} no longer holds it and say so.
 */
@ProviderType
public interface DispatchOutbox {

    /** Claims up to {@code max} pending dispatches that are due and not leased, of every district, oldest due first. */
    List<OutboundDispatch> claimDue(String node, int max, Duration lease);

    /** Claims one pending dispatch that is not leased (the fast path right after a dispatch); empty otherwise. */
    Optional<OutboundDispatch> claim(UUID dispatchId, String node, Duration lease);

    /** The department's system took it. */
    boolean delivered(UUID dispatchId, String node, String receipt);

    /** An attempt failed for a passing reason: pending again at {@code nextAttemptAt}, attempts + 1. */
    boolean failed(UUID dispatchId, String node, String error, Instant nextAttemptAt);

    /** Refused for good or out of attempts: a dead letter. */
    boolean dead(UUID dispatchId, String node, String error);

    /** The department has no connector. */
    boolean unrouted(UUID dispatchId, String node, String reason);

    /** Ends every lease {@code node} holds (at its start and stop); returns how many. */
    int release(String node);

    /** Dispatches of a district in {@code state} (all states when {@code null}), newest first. */
    Page<OutboundDispatch> list(String tenantId, DispatchState state, int offset, int limit);

    /** One dispatch of a district. @throws NotFoundException if the district has no such dispatch */
    OutboundDispatch get(String tenantId, UUID dispatchId);

    /**
     * Sends a dead letter (or an unrouted dispatch) again: pending now, attempts reset, same
     * dispatch id. @throws ConflictException ({@code state}) when it is pending, delivered or cancelled
     */
    OutboundDispatch replay(String tenantId, UUID dispatchId, String actor);

    /**
     * Delivered dispatches of {@code department} whose case is still with the department
     * (dispatched, handling, postponed), oldest first: what a polling connector asks about.
     */
    List<OutboundDispatch> awaitingProgress(String tenantId, String department, int limit);
}
