package org.gongzhi.core.rest.internal;

import org.gongzhi.core.identity.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log of the city centre (市级接管): every read and step a city dispatcher takes on a
 * district's cases is one line on the logger {@value #LOGGER}, naming the city actor, the district,
 * the case and what was done. Ids only: never a resident's name, phone or note.
 */
final class TakeOverAudit {

    /** The audit logger's name (Karaf's log configuration may route it to its own file). */
    static final String LOGGER = "org.gongzhi.audit";
    private static final Logger AUDIT = LoggerFactory.getLogger(LOGGER);

    private TakeOverAudit() {
    }

    /** Records {@code what} ({@code list}, {@code view}, {@code journal} or a step's wire name) if the caller is the city's. */
    static void record(Caller caller, String actor, String district, Object caseId, String what) {
        if (Access.isCityDispatcher(caller)) {
            AUDIT.info("city-takeover actor={} district={} case={} action={}", actor, district,
                    caseId == null ? "-" : caseId, what);
        }
    }
}
