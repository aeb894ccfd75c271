package org.gongzhi.core.service.events;

import org.osgi.annotation.versioning.ConsumerType;

import org.gongzhi.core.service.screen.DistrictModes;

/** Receives the events of a {@link CaseEvents} subscription, on the feed's thread. */
@ConsumerType
public interface CaseEventListener {

    /** A committed case event of a subscribed district. */
    void onCase(CaseEvent event);

    /** The operating mode of a subscribed district changed (read it with {@link DistrictModes#current}). */
    default void onModeChange(String tenant) {
    }

    /**
     * A resumed subscription was too far behind to be replayed in full: some events after its
     * cursor were skipped. Whatever the listener shows should be read afresh.
     */
    default void onGap() {
    }
}
