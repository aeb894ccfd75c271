package org.gongzhi.plugin.api.connector;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A connector type contributed by a plugin: delivers dispatches to a department's own system and,
 * optionally, polls that system for progress.
 *
 * <p>Implemented by plugins, registered as an OSGi service of this interface with the property
 * {@code gongzhi.model=<model id>} (a service without it is ignored). The platform uses it for a
 * department whose connector names {@link #type()}, and only in districts that enabled the model;
 * elsewhere, and while no connector of the type is registered, such dispatches fail for the round
 * and are retried like a department that is down. The core types {@code http}, {@code file} and
 * {@code open311} cannot be replaced; when two services claim one type the first registered wins.
 *
 * <p><b>Delivery.</b> {@link #deliver} is called concurrently on the platform's delivery threads:
 * it must be thread-safe and return within the department system's timeout (at most 30 s). The
 * same dispatch may come again (a retry, a second platform node, a replay by an operator): deliver
 * idempotently by {@link Dispatch#dispatchId()}. Return normally when the system took the dispatch;
 * throw {@link DispatchRefusedException} when it refused it for good (a dead letter at once) and
 * {@link DepartmentUnavailableException}, or any other exception, when it failed this time (retried
 * quickly, then in rounds of growing delay, then a dead letter).
 *
 * <p><b>Progress.</b> When {@link #pollInterval()} is positive (or the department's connector sets
 * the option {@code pollSeconds}), the platform calls {@link #poll} for each department using the
 * type, one call at a time per department, with the dispatches still awaiting the department's
 * progress. A department system may also report progress itself through the platform's REST API
 * (the dispatch's {@code callbackUrl}); polling is for systems that cannot.
 *
 * <p>Never log personal data (residents' names, phones, notes) of the payload.
 *
 * @since 1.0
 */
@ConsumerType
public interface DepartmentConnector {

    /** Pattern of a connector type name: {@code [a-z][a-z0-9-]{0,31}}. */
    Pattern TYPE = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    /** The connector type departments name in their connector, e.g. {@code gov-mailbox}; constant. */
    String type();

    /**
     * Delivers one dispatch to the department's system.
     *
     * @param dispatch what to deliver
     * @param settings the department's connector in force (options with placeholders filled)
     * @return the department system's receipt (its ticket number, say; at most 200 characters are
     *         kept), or {@code null} for none
     * @throws DispatchRefusedException      refused for good: the dispatch becomes a dead letter
     * @throws DepartmentUnavailableException the system could not take it now: retried
     * @throws Exception                     anything else: retried like {@code DepartmentUnavailableException}
     */
    String deliver(Dispatch dispatch, ConnectorSettings settings) throws Exception;

    /**
     * How often to {@link #poll} a department using this type; {@link Duration#ZERO} (the default)
     * for a connector that does not poll. A department's option {@code pollSeconds} overrides it for
     * that department.
     */
    default Duration pollInterval() {
        return Duration.ZERO;
    }

    /**
     * Asks the department's system about the dispatches it has and reports what changed through
     * {@code progress}. An exception is logged and the next poll runs as planned.
     *
     * @param settings the department's connector in force
     * @param awaiting the department's delivered dispatches that still await its progress (at most 100, oldest first)
     * @param progress where to report progress; applied at once, each report in its own transaction
     */
    default void poll(ConnectorSettings settings, List<AwaitingDispatch> awaiting, DepartmentProgress progress)
            throws Exception {
        // a connector that only delivers
    }
}
