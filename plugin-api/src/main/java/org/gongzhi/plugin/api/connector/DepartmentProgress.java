package org.gongzhi.plugin.api.connector;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where a polling {@link DepartmentConnector} reports a department's progress: the same rules as a
 * department system's own {@code POST …/departments/{department}/updates}. Implemented by the
 * platform, handed to {@link DepartmentConnector#poll}; thread-safe, blocks on the database.
 *
 * @since 1.0
 */
@ProviderType
public interface DepartmentProgress {

    /**
     * Applies one update for the polled department in its own transaction.
     *
     * @return what it did; a repeated {@link ProgressUpdate#updateId()} changes nothing and answers
     *         the first outcome with {@link ProgressOutcome#duplicate()} set — so polling the same
     *         state again is harmless when the update id is derived from it
     * @throws ProgressRefusedException the platform refused it (unknown dispatch, a status the case
     *                                  cannot take now, out of order, bad input): nothing changed
     */
    ProgressOutcome report(ProgressUpdate update) throws ProgressRefusedException;
}
