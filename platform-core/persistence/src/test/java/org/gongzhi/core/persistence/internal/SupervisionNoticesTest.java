package org.gongzhi.core.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import org.gongzhi.core.service.notify.Notice;
import org.gongzhi.core.service.notify.NoticeRecipient;
import org.gongzhi.core.service.supervision.Supervision;
import org.gongzhi.core.service.supervision.SupervisionKind;
import org.gongzhi.core.service.supervision.SupervisionTrigger;
import org.gongzhi.core.tenant.TenantDefinition;
import org.gongzhi.core.tenant.TenantDefinitionReader;
import org.junit.Test;

/** The rules of what supervision says and to whom (no database). */
public class SupervisionNoticesTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant DUE = Instant.parse("2026-11-09T16:00:00Z");

    @Test
    public void eventKeysFollowKindAndTrigger() {
        assertThat(SupervisionNotices.event(SupervisionKind.REMINDER, SupervisionTrigger.WARNING))
                .isEqualTo("supervision.reminder.warning");
        assertThat(SupervisionNotices.event(SupervisionKind.REMINDER, SupervisionTrigger.OVERDUE))
                .isEqualTo("supervision.reminder.overdue");
        assertThat(SupervisionNotices.event(SupervisionKind.ORDER, SupervisionTrigger.MANUAL))
                .isEqualTo("supervision.order.created");
        assertThat(SupervisionNotices.event(SupervisionKind.LISTED, SupervisionTrigger.MANUAL)).isEqualTo("supervision.listed");
        assertThat(SupervisionNotices.event(SupervisionKind.ESCALATION, SupervisionTrigger.REWORK))
                .isEqualTo("supervision.escalated");
        for (SupervisionKind k : SupervisionKind.values()) {
            for (SupervisionTrigger t : SupervisionTrigger.values()) {
                String event = SupervisionNotices.event(k, t);
                assertThat(NoticeTemplates.shipped(event).subject()).as("a shipped template for %s", event)
                        .doesNotContain("案件通知");
            }
        }
    }

    @Test
    public void anAnswerTellsTheIssuerAndALateOrderTheIssuerAndTheHolders() {
        TenantDefinition jiangbei = new TenantDefinitionReader().read(Path.of("../../tenants/jiangbei"));
        Supervision order = new Supervision(UUID.randomUUID(), "jiangbei", UUID.randomUUID(), "JB-1", SupervisionKind.ORDER,
                SupervisionTrigger.MANUAL, "请加快", DUE, "jb-admin", DUE.minusSeconds(3600), "已处置", "jb-cg", DUE, null);
        Notice answered = SupervisionNotices.answered(jiangbei, order, "CG", "CM0101", DUE);
        assertThat(answered.event()).isEqualTo("supervision.order.answered");
        assertThat(answered.sourceKey()).isEqualTo("supervision:" + order.id() + ":answer");
        assertThat(answered.recipients()).containsExactly(new NoticeRecipient(NoticeRecipient.Kind.PERSON, "jb-admin"));
        assertThat(answered.variables()).containsEntry("department", "江北区城市管理局").containsEntry("answeredBy", "jb-cg");

        Notice late = SupervisionNotices.late(jiangbei, order, "CG", "JB-01-02", "CM0101", DUE);
        assertThat(late.event()).isEqualTo("supervision.order.overdue");
        assertThat(late.sourceKey()).isEqualTo("supervision:" + order.id() + ":overdue");
        assertThat(late.recipients()).containsExactly(new NoticeRecipient(NoticeRecipient.Kind.PERSON, "jb-admin"),
                new NoticeRecipient(NoticeRecipient.Kind.DEPARTMENT, "CG"), new NoticeRecipient(NoticeRecipient.Kind.GRID, "JB-01-02"));
        assertThat(SupervisionNotices.late(jiangbei, order, null, null, "CM0101", DUE).recipients()).as("held by the centre")
                .containsExactly(new NoticeRecipient(NoticeRecipient.Kind.PERSON, "jb-admin"),
                        new NoticeRecipient(NoticeRecipient.Kind.ROLE, "dispatcher"));

        Supervision escalation = new Supervision(UUID.randomUUID(), "jiangbei", order.caseId(), "JB-1",
                SupervisionKind.ESCALATION, SupervisionTrigger.REWORK, "返工", DUE, SupervisionRows.SWEEP_ACTOR, DUE,
                null, null, null, null);
        assertThat(SupervisionNotices.answered(jiangbei, escalation, "CG", "CM0101", DUE).recipients()).as("the sweep's: the city")
                .containsExactly(new NoticeRecipient(NoticeRecipient.Kind.CITY, null));
        for (Notice n : new Notice[] {answered, late}) {
            NoticeTemplates.Rendered r = NoticeTemplates.render(NoticeTemplates.shipped(n.event()), n, jiangbei.name());
            assertThat(r.subject()).as(n.event()).contains("JB-1").contains("督办").doesNotContain("案件通知");
            assertThat(r.text()).as(n.event()).contains("JB-1").doesNotContain("${");
        }
        assertThat(NoticeTemplates.render(NoticeTemplates.shipped(answered.event()), answered, jiangbei.name()).text())
                .contains("江北区城市管理局");
    }

    @Test
    public void whoeverHoldsTheCaseIsTold() {
        assertThat(SupervisionNotices.recipients(SupervisionKind.REMINDER, "CG", "JB-01-02")).containsExactly(
                new NoticeRecipient(NoticeRecipient.Kind.DEPARTMENT, "CG"),
                new NoticeRecipient(NoticeRecipient.Kind.GRID, "JB-01-02"),
                new NoticeRecipient(NoticeRecipient.Kind.ROLE, "dispatcher"));
        assertThat(SupervisionNotices.recipients(SupervisionKind.ORDER, null, null)).containsExactly(
                new NoticeRecipient(NoticeRecipient.Kind.ROLE, "dispatcher"));
        assertThat(SupervisionNotices.recipients(SupervisionKind.ESCALATION, "CG", null)).containsExactly(
                new NoticeRecipient(NoticeRecipient.Kind.DEPARTMENT, "CG"),
                new NoticeRecipient(NoticeRecipient.Kind.ROLE, "dispatcher"),
                new NoticeRecipient(NoticeRecipient.Kind.ROLE, "district-admin"),
                new NoticeRecipient(NoticeRecipient.Kind.CITY, null));
    }

    @Test
    public void reasonsNameTheLocalDueTimeAndTheMargin() {
        assertThat(SupervisionNotices.automaticReason(SupervisionRows.Rule.WARNING_REMINDER, SHANGHAI, DUE, 0,
                Duration.ofDays(3))).isEqualTo("案件已到预警时间，办理时限 2026-11-10 00:00，请抓紧办理");
        assertThat(SupervisionNotices.automaticReason(SupervisionRows.Rule.OVERDUE_ESCALATION, SHANGHAI, DUE, 0,
                Duration.ofHours(36))).contains("已逾 36 小时");
        assertThat(SupervisionNotices.automaticReason(SupervisionRows.Rule.REWORK_ESCALATION, SHANGHAI, DUE, 3,
                Duration.ofDays(3))).contains("第 3 次");
    }

    @Test
    public void theNoticeCarriesNoResidentData() {
        TenantDefinition jiangbei = new TenantDefinitionReader().read(Path.of("../../tenants/jiangbei"));
        Supervision r = new Supervision(UUID.randomUUID(), "jiangbei", UUID.randomUUID(), "500105-20261102-000001",
                SupervisionKind.ORDER, SupervisionTrigger.MANUAL, "请加快处置", DUE, "jb-dispatcher",
                DUE.minus(Duration.ofDays(1)), null, null, null, null);
        Notice n = SupervisionNotices.notice(jiangbei, r, "CG", null, "CM0101", DUE);
        assertThat(n.event()).isEqualTo("supervision.order.created");
        assertThat(n.sourceKey()).isEqualTo("supervision:" + r.id());
        assertThat(n.caseNumber()).isEqualTo(r.caseNumber());
        assertThat(n.variables()).containsEntry("deadline", "2026-11-10 00:00").containsEntry("kindLabel", "督办")
                .containsEntry("reason", "请加快处置").doesNotContainKeys("title", "description", "address",
                        "reporterName", "reporterPhone");
        assertThat(n.variables().get("category")).isNotBlank().isNotEqualTo("CM0101");
        assertThat(SupervisionNotices.journalNote(r, SHANGHAI)).isEqualTo("督办：请加快处置；请于 2026-11-10 00:00 前答复。");
    }
}
