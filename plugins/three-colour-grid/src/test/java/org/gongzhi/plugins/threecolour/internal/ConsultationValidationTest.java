package org.gongzhi.plugins.threecolour.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.gongzhi.plugin.api.InvalidInputException;
import org.gongzhi.plugin.tck.MutableClock;
import org.junit.Test;

public class ConsultationValidationTest {

    private final ConsultationResource resource =
            new ConsultationResource(Facts.storage(), new MutableClock(Instant.parse("2026-11-10T01:00:00Z")));
    private final String caseId = UUID.randomUUID().toString();

    private static ConsultationResource.ConsultationBody body(String date, String lead, List<String> co,
                                                              List<String> participants, String followUp) {
        return new ConsultationResource.ConsultationBody(Facts.GRID, date, lead, co, participants, "明确由城管局牵头拆除",
                followUp);
    }

    private String fieldOf(ConsultationResource.ConsultationBody body) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> resource.validate(caseId, body));
        return e == null ? null : e.field();
    }

    @Test
    public void validConsultationIsAccepted() {
        ConsultationLog.Consultation c = resource.validate(caseId,
                body("2026-11-10", "CG", List.of("ZR", "GA"), List.of("王局长", "刘所长"), "2026-11-24"));
        assertThat(c.leadDepartment()).isEqualTo("CG");
        assertThat(c.coDepartments()).containsExactly("ZR", "GA");
        assertThat(c.followUpBy()).isEqualTo(LocalDate.of(2026, 11, 24));
    }

    @Test
    public void eachBadFieldIsNamed() {
        List<String> people = List.of("王局长");
        assertThat(fieldOf(null)).isEqualTo("body");
        assertThat(fieldOf(body("2026-11-11", "CG", List.of("ZR"), people, null))).isEqualTo("date");
        assertThat(fieldOf(body("10/11/2026", "CG", List.of("ZR"), people, null))).isEqualTo("date");
        assertThat(fieldOf(body("2026-11-10", "cg", List.of("ZR"), people, null))).isEqualTo("leadDepartment");
        assertThat(fieldOf(body("2026-11-10", "CG", List.of(), people, null))).isEqualTo("coDepartments");
        assertThat(fieldOf(body("2026-11-10", "CG", List.of("CG"), people, null))).isEqualTo("coDepartments");
        assertThat(fieldOf(body("2026-11-10", "CG", List.of("ZR", "ZR"), people, null))).isEqualTo("coDepartments");
        assertThat(fieldOf(body("2026-11-10", "CG", List.of("ZR"), List.of(), null))).isEqualTo("participants");
        assertThat(fieldOf(body("2026-11-10", "CG", List.of("ZR"), List.of(" "), null))).isEqualTo("participants");
        assertThat(fieldOf(body("2026-11-10", "CG", List.of("ZR"), people, "2026-11-01"))).isEqualTo("followUpBy");
        assertThat(fieldOf(new ConsultationResource.ConsultationBody("36:08", "2026-11-10", "CG", List.of("ZR"), people,
                "x", null))).isEqualTo("gridCode");
        assertThat(fieldOf(new ConsultationResource.ConsultationBody(Facts.GRID, "2026-11-10", "CG", List.of("ZR"), people,
                " ", null))).isEqualTo("conclusion");
    }
}
