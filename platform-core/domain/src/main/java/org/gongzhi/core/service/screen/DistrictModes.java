package org.gongzhi.core.service.screen;

import java.time.Instant;
import java.util.List;

import org.gongzhi.core.service.ConflictException;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.events.CaseEventListener;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The operating mode of each district (平时/战时) and the journal of its switches. A switch commits
 * with its journal row and is announced to every platform node ({@link CaseEventListener#onModeChange}).
 * New cases follow the mode in force when their clock starts; see the emergency plan of the
 * district's definition.
 */
@ProviderType
public interface DistrictModes {

    /** The mode in force in a district. */
    DistrictMode current(String tenant);

    /**
     * Switches a district, journaling who and why. Switching to the mode already in force is
     * refused with a {@link ConflictException}.
     *
     * @throws ValidationException field {@code reason} when the reason is blank or longer than 500 characters
     */
    DistrictMode switchTo(String tenant, OperatingMode mode, String reason, String actor);

    /** The switches of a district made in {@code [from, to)}, oldest first. */
    List<DistrictMode> history(String tenant, Instant from, Instant to);
}
