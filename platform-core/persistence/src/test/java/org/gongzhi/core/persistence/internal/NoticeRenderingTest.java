package org.gongzhi.core.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gongzhi.core.service.notify.Notice;
import org.gongzhi.core.service.notify.NoticeRecipient;
import org.gongzhi.core.service.notify.NoticeRecipient.Kind;
import org.gongzhi.core.service.notify.NotificationChannel;
import org.gongzhi.core.service.notify.NotificationPreferences;
import org.gongzhi.core.service.notify.NotificationTemplate;
import org.gongzhi.core.tenant.TenantDefinition;
import org.gongzhi.core.tenant.TenantDefinitionReader;
import org.junit.Test;

/** Templates, recipient resolution and quiet hours, without a database. */
public class NoticeRenderingTest {

    private static final TenantDefinition JIZHOU = new TenantDefinitionReader().read(Path.of("../../tenants/jizhou"));
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static Notice notice(String event, Map<String, String> vars, NoticeRecipient... to) {
        return new Notice("jizhou", UUID.randomUUID(), "JZ-2026-000042", event, "test:" + UUID.randomUUID(), List.of(to),
                vars);
    }

    @Test
    public void theShippedWarningTemplateRendersInChineseWithTheNoticesVariables() {
        Notice n = notice("supervision.reminder.warning", Map.of("category", "暴露垃圾", "deadline", "11月5日 17:00"));
        NoticeTemplates.Rendered r = NoticeTemplates.render(NoticeTemplates.shipped(n.event()), n, JIZHOU.name());
        assertThat(r.subject()).isEqualTo("【催办】案件 JZ-2026-000042 即将超期");
        assertThat(r.text()).isEqualTo("【催办】案件 JZ-2026-000042（暴露垃圾）将于 11月5日 17:00 到期，已用时限超过预警线，请抓紧办理。");
    }

    @Test
    public void anUnknownEventUsesTheDefaultAndMissingVariablesTheirFallbacks() {
        Notice n = notice("something.new", Map.of());
        NoticeTemplates.Rendered r = NoticeTemplates.render(NoticeTemplates.shipped(n.event()), n, "吉州区");
        assertThat(r.subject()).isEqualTo("【吉州区】案件通知 JZ-2026-000042");
        assertThat(r.text()).contains("（something.new）").doesNotContain("${");
    }

    @Test
    public void aVariableHoldingAPlaceholderIsNotExpandedAgain() {
        Notice n = notice("x", Map.of("title", "${district}"));
        NoticeTemplates.Rendered r = NoticeTemplates.render(new NotificationTemplate("s", "标题：${title}", true), n, "吉州区");
        assertThat(r.text()).isEqualTo("标题：${district}");
    }

    @Test
    public void recipientsResolveToPeopleOnceAndToTheDepartmentsRobot() {
        List<NoticeRecipients.Destination> d = NoticeRecipients.resolve(JIZHOU, List.of(
                new NoticeRecipient(Kind.DEPARTMENT, "CG"), new NoticeRecipient(Kind.PERSON, "jz-cg"),
                new NoticeRecipient(Kind.GRID, "360802001001001"), new NoticeRecipient(Kind.ROLE, "dispatcher"),
                new NoticeRecipient(Kind.ROLE, "district-leader"), new NoticeRecipient(Kind.CITY, null),
                new NoticeRecipient(Kind.DEPARTMENT, "NOPE")));
        assertThat(d).extracting(NoticeRecipients.Destination::name)
                .containsExactly("jz-cg", "jz-cg2", "department:CG", "jz-grid1", "jz-dispatcher", "city");
        assertThat(d).filteredOn(NoticeRecipients.Destination::group).extracting(NoticeRecipients.Destination::name)
                .containsExactly("department:CG", "city");
    }

    @Test
    public void aGridReachesItsOwnWorkersOnly() {
        assertThat(NoticeRecipients.resolve(JIZHOU, List.of(new NoticeRecipient(Kind.GRID, "360802001002001"))))
                .extracting(NoticeRecipients.Destination::name).containsExactly("jz-grid2");
    }

    @Test
    public void channelsFollowPreferencesTheInboxAlwaysAndSmsOnlyWithAPhone() {
        var person = NoticeRecipients.resolve(JIZHOU, List.of(new NoticeRecipient(Kind.PERSON, "jz-cg"))).get(0);
        assertThat(NoticeRecipients.channels(person, NotificationPreferences.defaults()))
                .containsExactlyInAnyOrder(NotificationChannel.INBOX, NotificationChannel.SMS, NotificationChannel.EMAIL);
        assertThat(NoticeRecipients.channels(person, new NotificationPreferences(EnumSet.of(NotificationChannel.EMAIL),
                null, null))).containsExactlyInAnyOrder(NotificationChannel.INBOX, NotificationChannel.EMAIL);
        var stranger = new NoticeRecipients.Destination("kc-only", false, null);
        assertThat(NoticeRecipients.channels(stranger, NotificationPreferences.defaults()))
                .containsExactly(NotificationChannel.INBOX);
        var robot = new NoticeRecipients.Destination("department:CG", true, null);
        assertThat(NoticeRecipients.channels(robot, NotificationPreferences.defaults()))
                .containsExactly(NotificationChannel.WECOM);
    }

    @Test
    public void quietHoursOverMidnightHoldSmsAndEmailUntilTheyEndButNotTheInbox() {
        var p = new NotificationPreferences(EnumSet.of(NotificationChannel.SMS), LocalTime.of(22, 0), LocalTime.of(7, 30));
        Instant lateEvening = Instant.parse("2026-11-02T15:00:00Z"); // 23:00 in Shanghai
        Instant tomorrow730 = Instant.parse("2026-11-02T23:30:00Z");
        assertThat(QuietHours.dueAt(p, NotificationChannel.SMS, SHANGHAI, lateEvening)).isEqualTo(tomorrow730);
        assertThat(QuietHours.dueAt(p, NotificationChannel.EMAIL, SHANGHAI, lateEvening)).isEqualTo(tomorrow730);
        assertThat(QuietHours.dueAt(p, NotificationChannel.INBOX, SHANGHAI, lateEvening)).isEqualTo(lateEvening);
        assertThat(QuietHours.dueAt(p, NotificationChannel.WECOM, SHANGHAI, lateEvening)).isEqualTo(lateEvening);
        Instant earlyMorning = Instant.parse("2026-11-02T21:00:00Z"); // 05:00 on the 3rd
        assertThat(QuietHours.dueAt(p, NotificationChannel.SMS, SHANGHAI, earlyMorning)).isEqualTo(tomorrow730);
        Instant noon = Instant.parse("2026-11-02T04:00:00Z");
        assertThat(QuietHours.dueAt(p, NotificationChannel.SMS, SHANGHAI, noon)).isEqualTo(noon);
        Instant endExactly = Instant.parse("2026-11-02T23:30:00Z");
        assertThat(QuietHours.dueAt(p, NotificationChannel.SMS, SHANGHAI, endExactly)).isEqualTo(endExactly);
    }

    @Test
    public void quietHoursWithinADay() {
        var p = new NotificationPreferences(EnumSet.of(NotificationChannel.SMS), LocalTime.of(12, 0), LocalTime.of(14, 0));
        assertThat(p.quietAt(LocalTime.of(12, 0))).isTrue();
        assertThat(p.quietAt(LocalTime.of(13, 59))).isTrue();
        assertThat(p.quietAt(LocalTime.of(14, 0))).isFalse();
        assertThat(p.quietAt(LocalTime.of(11, 59))).isFalse();
    }
}
