package org.gongzhi.core.service.dispatch;

import java.util.List;
import java.util.UUID;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told right after a transaction that wrote dispatches to the {@link DispatchOutbox} committed,
 * so delivery can start at once instead of at the next poll. Called on the committing thread:
 * implementations hand the ids on and return; an exception is logged and ignored (the outbox
 * poll delivers the dispatches anyway).
 */
@ConsumerType
public interface DispatchListener {

    void dispatched(String tenantId, List<UUID> dispatchIds);
}
