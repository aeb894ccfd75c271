package org.gongzhi.core.rest.internal;

import java.time.Instant;
import java.util.UUID;
import org.gongzhi.core.service.events.CaseEvent;

/** Wire form of a case event (the stream's {@code case} frames, the screen's recent list): wire names throughout. */
final class EventJson {

    private EventJson() {
    }

    /** {@code data} of an {@code event: case} frame (and of the screen's recent list). */
    record Case(String id, String tenant, UUID caseId, String caseNumber, String action, String from, String to,
                String category, String family, String grid, String leadDepartment, String channel, Instant at) {
        static Case of(CaseEvent e) {
            return new Case(e.id(), e.tenant(), e.caseId(), e.caseNumber(), e.action(), CaseJson.wire(e.from()),
                    CaseJson.wire(e.to()), e.category(), CaseJson.wire(e.family()), e.grid(), e.leadDepartment(),
                    CaseJson.wire(e.channel()), e.at());
        }
    }
}
