package org.gongzhi.plugins.threecolour.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.gongzhi.plugin.api.CaseFacts;
import org.junit.Test;
import org.gongzhi.plugin.tck.InMemoryPluginStorage;

public class ConsultationGuardTest {

    private final InMemoryPluginStorage storage = Facts.storage();
    private final ConsultationGuard guard = new ConsultationGuard(storage);
    private final String caseId = UUID.randomUUID().toString();

    private void consult(String tenant, String caseId) {
        new ConsultationLog(Facts.collection(storage, tenant, ThreeColourGridModel.CONSULTATIONS)).record(
                new ConsultationLog.Consultation(caseId, Facts.GRID, LocalDate.of(2026, 11, 5), "ZR",
                        List.of("SF", "XFJ"), List.of("王主任", "李科长"), "分户确权，镇街牵头调处", LocalDate.of(2026, 11, 20)),
                Instant.parse("2026-11-05T08:00:00Z"));
    }

    @Test
    public void refusesVerifyPassOfDifficultCaseWithoutConsultation() {
        assertThat(guard.check(Facts.of("CG0103", "difficult"), caseId, "verify-pass"))
                .hasValueSatisfying(reason -> assertThat(reason).contains("会商记录").contains("verify-pass"));
    }

    @Test
    public void refusesCloseOfDifficultCaseWithoutConsultation() {
        assertThat(guard.check(Facts.of("CG0103", "difficult"), caseId, "close"))
                .hasValueSatisfying(reason -> assertThat(reason).contains("结案"));
    }

    @Test
    public void allowsVerifyPassOnceAConsultationIsRecorded() {
        consult(Facts.TENANT, caseId);
        assertThat(guard.check(Facts.of("CG0103", "difficult"), caseId, "verify-pass")).isEmpty();
        assertThat(guard.check(Facts.of("CG0103", "difficult"), caseId, "close")).isEmpty();
    }

    @Test
    public void consultationOfAnotherCaseOrTenantDoesNotCount() {
        consult(Facts.TENANT, UUID.randomUUID().toString());
        consult("donghu", caseId);
        assertThat(guard.check(Facts.of("CG0103", "difficult"), caseId, "verify-pass")).isPresent();
    }

    @Test
    public void appliesTheSameEscalationAsTheTriagePolicy() {
        CaseFacts escalated = Facts.of("CG0701", "coordination");
        assertThat(new ThreeColourTriagePolicy().triage(escalated).orElseThrow().tier()).isEqualTo("difficult");
        assertThat(guard.check(escalated, caseId, "verify-pass")).isPresent();
    }

    @Test
    public void allowsSimpleAndCoordinationCases() {
        assertThat(guard.check(Facts.of("CM0101", "simple"), caseId, "verify-pass")).isEmpty();
        assertThat(guard.check(Facts.of("CG0401", "coordination"), caseId, "close")).isEmpty();
        assertThat(guard.check(Facts.of("CM0101", null), caseId, "verify-pass")).isEmpty();
    }

    @Test
    public void allowsOtherStepsOfDifficultCases() {
        for (String action : new String[] {"register", "dispatch", "accept", "feedback", "verify-fail", "reopen"}) {
            assertThat(guard.check(Facts.of("CG0103", "difficult"), caseId, action)).as(action).isEmpty();
        }
    }
}
