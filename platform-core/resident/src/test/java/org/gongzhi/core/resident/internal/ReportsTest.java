package org.gongzhi.core.resident.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.gongzhi.core.casework.CaseAction;
import org.gongzhi.core.casework.CaseStatus;
import org.gongzhi.core.casework.CategoryFamily;
import org.gongzhi.core.casework.Channel;
import org.gongzhi.core.casework.SlaTier;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.cases.CaseView;
import org.gongzhi.core.service.cases.JournalEntry;
import org.gongzhi.core.tenant.CategoryDefinition;
import org.junit.Test;

/** What a resident may do with their report, and what they see of it. */
public class ReportsTest {

    private static final Instant CLOSED = Instant.parse("2026-12-01T08:00:00Z");
    private static final Duration WEEK = Duration.ofDays(7);
    private static final UUID PHOTO = UUID.fromString("0e4b3c2a-1d2e-4f5a-8b9c-0d1e2f3a4b5c");
    private static final UUID RESULT = UUID.fromString("7b0d3c1e-5a7b-4a53-9d43-2f1d6c3b1a01");

    static CaseView view(CaseStatus status, Integer satisfaction, Instant closedAt, List<String> attachments) {
        return new CaseView(UUID.randomUUID(), "360802-20261201-000001", "jizhou", "暴露垃圾：门口", "门口有垃圾", "CM0101",
                "CITY_MANAGEMENT", Channel.RESIDENT_APP, status, SlaTier.SIMPLE, "360802001001001", 114.927, 27.08, null, null,
                "13800138000", attachments, null, List.of(), CLOSED.minus(Duration.ofDays(2)), null, null, null, closedAt,
                null, 0, 0, satisfaction, 3, Set.of(), null, Map.of(), "resident:x", null, null, false);
    }

    @Test
    public void aClosedReportIsRatedOnce() {
        assertThat(Reports.canRate(view(CaseStatus.CLOSED, null, CLOSED, List.of()))).isTrue();
        assertThat(Reports.canRate(view(CaseStatus.EVALUATED, 4, CLOSED, List.of()))).isFalse();
        assertThat(Reports.canRate(view(CaseStatus.HANDLING, null, null, List.of()))).isFalse();
    }

    @Test
    public void reopeningOnlyWhenNotSatisfiedAndWithinTheWindow() {
        Instant soon = CLOSED.plus(Duration.ofDays(3));
        assertThat(Reports.canReopen(view(CaseStatus.CLOSED, null, CLOSED, List.of()), WEEK, soon)).isTrue();
        assertThat(Reports.canReopen(view(CaseStatus.EVALUATED, 3, CLOSED, List.of()), WEEK, soon)).isTrue();
        assertThat(Reports.canReopen(view(CaseStatus.EVALUATED, 4, CLOSED, List.of()), WEEK, soon)).isFalse();
        assertThat(Reports.whyNotReopen(view(CaseStatus.EVALUATED, 5, CLOSED, List.of()), WEEK, soon))
                .contains("satisfying");
        Instant late = CLOSED.plus(WEEK);
        assertThat(Reports.canReopen(view(CaseStatus.EVALUATED, 1, CLOSED, List.of()), WEEK, late)).isFalse();
        assertThat(Reports.whyNotReopen(view(CaseStatus.EVALUATED, 1, CLOSED, List.of()), WEEK, late))
                .contains("7 days");
        assertThat(Reports.whyNotReopen(view(CaseStatus.DISPATCHED, null, null, List.of()), WEEK, soon))
                .contains("not closed");
        assertThat(Reports.reopenUntil(view(CaseStatus.CLOSED, null, CLOSED, List.of()), WEEK)).isEqualTo(late);
        assertThat(Reports.reopenUntil(view(CaseStatus.REJECTED, null, null, List.of()), WEEK)).isNull();
        assertThat(Reports.canReopen(view(CaseStatus.CLOSED, null, CLOSED, List.of()), Duration.ZERO, CLOSED))
                .as("reopenDays = 0 switches reopening off").isFalse();
    }

    @Test
    public void photosOfTheReportAndOfTheResultOnly() {
        CaseView c = view(CaseStatus.CLOSED, null, CLOSED, List.of("evidence:" + PHOTO, "https://files.example/x.jpg"));
        List<JournalEntry> journal = List.of(
                new JournalEntry(1, CLOSED.minus(Duration.ofDays(2)), "resident:x", null, null, CaseStatus.REPORTED,
                        "门口有垃圾", List.of("evidence:" + PHOTO)),
                new JournalEntry(2, CLOSED.minus(Duration.ofDays(1)), "jz-cg", CaseAction.COMMENT, CaseStatus.HANDLING,
                        CaseStatus.HANDLING, "内部", List.of("evidence:" + UUID.randomUUID()), null),
                new JournalEntry(3, CLOSED.minus(Duration.ofHours(2)), "jz-cg", CaseAction.FEEDBACK, CaseStatus.HANDLING,
                        CaseStatus.FEEDBACK, "已清运", List.of("evidence:" + RESULT), "垃圾已清运"),
                new JournalEntry(4, CLOSED, "jz-dispatcher", CaseAction.CLOSE, CaseStatus.VERIFIED, CaseStatus.CLOSED,
                        null, List.of(), null));
        List<ResidentJson.Photo> photos = Reports.photos("jizhou", c, journal);
        assertThat(photos).extracting(ResidentJson.Photo::id).containsExactly(PHOTO, RESULT);
        assertThat(photos).extracting(ResidentJson.Photo::stage).containsExactly("report", "result");
        assertThat(photos.get(1).url()).isEqualTo("/api/v1/resident/jizhou/evidence/" + RESULT);
        assertThat(photos.get(1).thumbnailUrl()).isEqualTo("/api/v1/resident/jizhou/evidence/" + RESULT + "/thumbnail");
        assertThat(Reports.publicNotes(journal)).extracting(ResidentJson.PublicNote::text).containsExactly("垃圾已清运");
    }

    @Test
    public void theTitleIsTheCategoryAndTheStartOfTheDescription() {
        CategoryDefinition rubbish = new CategoryDefinition("CM0101", CategoryFamily.CITY_MANAGEMENT, "暴露垃圾", null,
                "CM01", SlaTier.SIMPLE, "SANITATION", true);
        assertThat(Reports.title(rubbish, "  小区门口垃圾堆积\n已三天")).isEqualTo("暴露垃圾：小区门口垃圾堆积");
        assertThat(Reports.title(rubbish, "长".repeat(40))).isEqualTo("暴露垃圾：" + "长".repeat(30) + "…");
        assertThat(CategoryIcons.of(rubbish)).isEqualTo("rubbish");
        assertThat(CategoryIcons.of(new CategoryDefinition("CG99", CategoryFamily.COMPREHENSIVE_GOVERNANCE, "其他", null,
                null, SlaTier.SIMPLE, "STREET_OFFICE", true))).isEqualTo("governance");
    }

    @Test
    public void theIconNamesAreTheOnesTheDocumentPromises() throws Exception {
        com.fasterxml.jackson.databind.JsonNode doc = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(
                java.nio.file.Path.of("../rest/src/main/resources/openapi/gongzhi-api.yaml").toFile());
        List<String> promised = new java.util.ArrayList<>();
        doc.at("/components/schemas/ResidentCategory/properties/icon/enum").forEach(n -> promised.add(n.asText()));
        assertThat(promised).containsExactlyInAnyOrderElementsOf(CategoryIcons.names());
    }

    @Test
    public void inputIsCheckedNamingTheField() {
        assertThat(Input.phone("13800138000")).isEqualTo("13800138000");
        for (String bad : new String[] {"12800138000", "1380013800", "138001380000", "+8613800138000", "1380013800a"}) {
            assertThatThrownBy(() -> Input.phone(bad)).isInstanceOf(ValidationException.class)
                    .hasMessageNotContaining(bad).extracting(e -> ((ValidationException) e).field()).isEqualTo("phone");
        }
        assertThatThrownBy(() -> Input.code("12345")).extracting(e -> ((ValidationException) e).field()).isEqualTo("code");
        assertThat(Input.evidence(List.of(PHOTO.toString(), PHOTO.toString().toUpperCase())))
                .containsExactly("evidence:" + PHOTO);
        assertThatThrownBy(() -> Input.evidence(List.of("x"))).extracting(e -> ((ValidationException) e).field())
                .isEqualTo("evidence");
        assertThatThrownBy(() -> Input.idempotencyKey("a b")).extracting(e -> ((ValidationException) e).field())
                .isEqualTo("Idempotency-Key");
        assertThatThrownBy(() -> Input.limit("51")).extracting(e -> ((ValidationException) e).field()).isEqualTo("limit");
        assertThat(Input.limit(null)).isEqualTo(20);
    }
}
