package org.gongzhi.core.service.events;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The live stream of committed case events (事件动态流), fed from the database so that every
 * platform node sharing it sees every event, whichever node wrote it.
 *
 * <p>Ordering contract: events are delivered in cursor order; an event is delivered only once every
 * event with a smaller cursor is final, so a client resuming after a cursor misses nothing and sees
 * nothing twice. Delivery to a listener happens on the feed's thread: listeners return quickly.
 */
@ProviderType
public interface CaseEvents {

    /**
     * Subscribes to the events of one district, or of every district when {@code tenant} is
     * {@code null} (the city). When {@code after} is a cursor, the events after it that are still
     * kept are delivered first (a resumed stream), then live ones; a cursor that is blank or
     * malformed starts from now.
     */
    Subscription subscribe(String tenant, String after, CaseEventListener listener);

    /** The newest {@code limit} events of a district (at most 200), oldest first. */
    List<CaseEvent> recent(String tenant, int limit);

    /** A subscription; closing it stops delivery. Idempotent. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
