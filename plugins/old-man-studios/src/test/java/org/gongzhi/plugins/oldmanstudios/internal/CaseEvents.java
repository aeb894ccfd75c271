package org.gongzhi.plugins.oldmanstudios.internal;

import java.time.Instant;
import java.util.UUID;

import org.gongzhi.plugin.api.CaseEvent;
import org.gongzhi.plugin.api.CaseFacts;

/** Case events and facts of Donghu as the core sends them. */
final class CaseEvents {

    private CaseEvents() {
    }

    static CaseFacts facts(String category, String grid) {
        return new CaseFacts(Fixture.TENANT, "DH2026061900042", category, "coordination", grid, "hotline",
                "村民反映承包地边界争议", Instant.parse("2026-06-19T01:30:00Z"));
    }

    /** 立案 of a new case: {@code reported -register-> registered}. */
    static CaseEvent registered(String category, String grid) {
        return event(UUID.randomUUID().toString(), category, grid, "register", "reported", "registered");
    }

    static CaseEvent event(String caseId, String category, String grid, String action, String from, String to) {
        return new CaseEvent(facts(category, grid), caseId, action, from, to, "dispatcher-01", Fixture.CLOCK.instant());
    }
}
