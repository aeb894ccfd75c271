package org.gongzhi.core.casework.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gongzhi.core.casework.workflow.Jizhou.DISTRICT;
import static org.gongzhi.core.casework.workflow.Jizhou.MONDAY_9;

import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.gongzhi.core.casework.CaseStatus;
import org.gongzhi.core.casework.Channel;
import org.gongzhi.core.casework.SlaTier;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.cases.NewCase;
import org.junit.Test;

/** The checks of an intake (上报) against Jizhou's definition. */
public class CaseIntakeTest {

    private static NewCase intake(String title, String category, String channel, Double lon, Double lat, String grid,
                                  String phone, List<String> attachments, String email, Boolean consent) {
        // an unknown wire name is refused when the JSON is read (REST); here it arrives as no channel at all
        return new NewCase(title, null, category, Channel.fromWireName(channel).orElse(null), lon, lat, "阳明路", grid, "张三", phone, attachments, null,
                email, null, consent);
    }

    private static NewCase good() {
        return intake("路边垃圾堆积", "CM0101", "grid-worker", 114.927, 27.08, null, "13800000000", List.of(), null, null);
    }

    private static String field(NewCase in) {
        try {
            CaseIntake.newCase(DISTRICT, in, null, null, MONDAY_9);
        } catch (ValidationException e) {
            return e.field();
        }
        throw new AssertionError("not refused");
    }

    @Test
    public void aGoodIntakeIsLocatedAndReported() {
        CaseRecord c = CaseIntake.newCase(DISTRICT, good(), "sub-1", "subject:sub-1", MONDAY_9);
        assertThat(c.report().gridCode()).isEqualTo(Jizhou.GRID);
        assertThat(c.report().gridPath()).endsWith("/" + Jizhou.GRID).startsWith("360802");
        assertThat(c.report().family()).isEqualTo("CITY_MANAGEMENT");
        assertThat(c.report().number()).as("storage numbers it").isNull();
        assertThat(c.report().reporterSubject()).isEqualTo("sub-1");
        assertThat(c.report().idempotencyScope()).as("no key, no scope").isNull();
        assertThat(c.report().reportedAt()).isEqualTo(MONDAY_9);
        assertThat(c.state().status()).isEqualTo(CaseStatus.REPORTED);
        assertThat(c.state().tier()).isEqualTo(SlaTier.SIMPLE);
        assertThat(c.state().dueAt()).isNull();
    }

    @Test
    public void everyWrongFieldIsNamed() {
        assertThat(field(intake(null, "CM0101", "grid-worker", null, null, null, null, List.of(), null, null))).isEqualTo("title");
        assertThat(field(intake("x".repeat(201), "CM0101", "grid-worker", null, null, null, null, List.of(), null, null))).isEqualTo("title");
        assertThat(field(intake("t", "NOPE", "grid-worker", null, null, null, null, List.of(), null, null))).isEqualTo("categoryCode");
        assertThat(field(intake("t", "CM01", "grid-worker", null, null, null, null, List.of(), null, null)))
                .as("a major class").isEqualTo("categoryCode");
        assertThat(field(intake("t", "CM0101", "pigeon", null, null, null, null, List.of(), null, null))).isEqualTo("channel");
        assertThat(field(intake("t", "CM0101", "grid-worker", 114.9, null, null, null, List.of(), null, null))).isEqualTo("latitude");
        assertThat(field(intake("t", "CM0101", "grid-worker", null, 27.0, null, null, List.of(), null, null))).isEqualTo("longitude");
        assertThat(field(intake("t", "CM0101", "grid-worker", null, null, "999", null, List.of(), null, null))).isEqualTo("gridCode");
        assertThat(field(intake("t", "CM0101", "grid-worker", null, null, null, "call me", List.of(), null, null))).isEqualTo("reporterPhone");
        assertThat(field(intake("t", "CM0101", "grid-worker", null, null, null, null, List.of(), "a@b", null))).isEqualTo("reporterEmail");
        assertThat(field(intake("t", "CM0101", "grid-worker", null, null, null, null, List.of("ftp://x.example/a"), null, null)))
                .isEqualTo("attachments");
        assertThat(field(intake("t", "CM0101", "grid-worker", null, null, null, null,
                Collections.nCopies(CaseIntake.MAX_ATTACHMENTS + 1, "https://x.example/a.jpg"), null, null))).isEqualTo("attachments");
        assertThat(field(intake("t", "CM0101", "grid-worker", null, null, null, null, List.of("evidence:not-a-uuid"), null, null)))
                .isEqualTo("attachments");
    }

    @Test
    public void evidenceReferencesAreAllowedAtIntakeOnly() {
        String ref = "evidence:" + UUID.fromString("00000000-0000-0000-0000-00000000e001");
        CaseRecord c = CaseIntake.newCase(DISTRICT, intake("t", "CM0101", "grid-worker", null, null, null, null,
                List.of(ref, ref), null, null), null, null, MONDAY_9);
        assertThat(c.report().attachments()).containsExactly(ref, ref);
        assertThat(CaseIntake.evidenceIds("attachments", List.of(ref, ref, "https://x.example/a")))
                .containsExactly(UUID.fromString("00000000-0000-0000-0000-00000000e001"));
        assertThatThrownBy(() -> CaseIntake.attachments("photos", List.of(ref)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("http(s)");
    }

    @Test
    public void aKeyNeedsTheCallersScope() {
        NewCase keyed = new NewCase("t", null, "CM0101", Channel.GRID_WORKER, null, null, null, null, null, null, List.of(),
                "key-1", null, null, null);
        assertThatThrownBy(() -> CaseIntake.newCase(DISTRICT, keyed, null, " ", MONDAY_9))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(CaseIntake.newCase(DISTRICT, keyed, null, "subject:a", MONDAY_9).report().idempotencyScope())
                .isEqualTo("subject:a");
    }

    @Test
    public void residentChannelsArePublicOnlyWithConsent() {
        assertThat(CaseIntake.newCase(DISTRICT, intake("t", "CM0101", "resident-app", null, null, null, null, List.of(),
                null, true), null, null, MONDAY_9).report().publicCase()).isTrue();
        assertThat(CaseIntake.newCase(DISTRICT, intake("t", "CM0101", "resident-app", null, null, null, null, List.of(),
                null, null), null, null, MONDAY_9).report().publicCase()).isFalse();
        assertThat(CaseIntake.newCase(DISTRICT, intake("t", "CM0101", "grid-worker", null, null, null, null, List.of(),
                null, true), null, null, MONDAY_9).report().publicCase()).isFalse();
    }

    @Test
    public void aPublicNoteIsStrippedAndLimited() {
        assertThat(CaseIntake.publicNote("  好的 ")).isEqualTo("好的");
        assertThat(CaseIntake.publicNote(" ")).isNull();
        assertThatThrownBy(() -> CaseIntake.publicNote("长".repeat(CaseIntake.MAX_PUBLIC_NOTE + 1)))
                .isInstanceOf(ValidationException.class);
    }
}
