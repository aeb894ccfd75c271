package org.gongzhi.core.camel;

import java.time.Duration;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.seda.SedaEndpoint;

/**
 * A route that, every poll period, claims due rows of an outbox under a lease and queues them on a
 * SEDA queue for the delivery route, batch after batch while the queue holds fewer than
 * {@code room} rows. A failed poll is logged and the next period tries again.
 *
 * @param <T> an outbox row
 */
public abstract class LeasePollRoute<T> extends RouteBuilder {

    /** Claims up to {@code max} due rows for this node. */
    @FunctionalInterface
    public interface Claim<T> {
        List<T> due(int max);
    }

    private final String routeId;
    private final Duration period;
    private final String queue;
    private final int batchSize;
    private final int room;
    private final Claim<T> claim;
    private final ProducerTemplate producer;

    /**
     * @param routeId   the route's id, also the timer's name
     * @param queue     the SEDA endpoint URI of the delivery route
     * @param room      the queue size up to which the poll claims more
     */
    protected LeasePollRoute(String routeId, Duration period, String queue, int batchSize, int room, Claim<T> claim,
                             ProducerTemplate producer) {
        this.routeId = routeId;
        this.period = period;
        this.queue = queue;
        this.batchSize = batchSize;
        this.room = room;
        this.claim = claim;
        this.producer = producer;
    }

    @Override
    public void configure() {
        onException(Exception.class).handled(true)
                .log(LoggingLevel.WARN, "Poll " + routeId + " failed: ${exception.message}");
        from("timer:gongzhi-" + routeId + "?period=" + period.toMillis()).routeId(routeId)
                .process(this::claimAndQueue);
    }

    /**
     * What one claimed batch becomes on the queue, in order: each row on its own unless a route groups
     * them (every row of the batch in exactly one unit).
     */
    protected List<?> queued(List<T> batch) {
        return batch;
    }

    private void claimAndQueue(Exchange ex) {
        SedaEndpoint seda = ex.getContext().getEndpoint(queue, SedaEndpoint.class);
        while (seda.getCurrentQueueSize() < room) {
            List<T> batch = claim.due(batchSize);
            queued(batch).forEach(unit -> producer.sendBody(queue, unit));
            if (batch.size() < batchSize) {
                break;
            }
        }
    }
}
