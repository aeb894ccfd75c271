package org.gongzhi.core.rest.internal;

import java.time.Instant;
import java.util.UUID;
import org.gongzhi.core.service.CaseEvent;
import org.gongzhi.core.service.DistrictMode;

/** Wire forms of the live stream's frames: statuses, families, channels and modes as wire names. */
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

    /** {@code data} of an {@code event: mode} frame. */
    record Mode(String tenant, String mode, Instant since, String reason, String switchedBy) {
        static Mode of(DistrictMode m) {
            return new Mode(m.tenant(), m.mode().wireName(), m.since(), m.reason(), m.switchedBy());
        }
    }
}
