package org.gongzhi.core.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.gongzhi.core.service.notify.Notification;
import org.gongzhi.core.service.notify.NotificationChannel;
import org.gongzhi.core.service.notify.NotificationState;
import org.junit.Test;

/** What a digest says and which id it carries to the provider. */
public class DigestTest {

    private static List<Notification> burst(NotificationChannel channel, int n) {
        List<Notification> out = new ArrayList<>();
        Instant t = Instant.parse("2026-12-06T08:00:00Z");
        for (int i = 1; i <= n; i++) {
            out.add(new Notification(UUID.randomUUID(), "jizhou", UUID.randomUUID(), "JZ-" + i, "e", "k" + i, "jz-cg",
                    channel, "【催办】案件 JZ-" + i + " 即将超期", "t", NotificationState.PENDING, 0, t.plusSeconds(i), t,
                    null, null, null));
        }
        return out;
    }

    @Test
    public void theSameNotificationsGiveTheSameIdAndOneMoreANewOne() {
        List<Notification> b = burst(NotificationChannel.SMS, 4);
        List<Notification> reversed = new ArrayList<>(b);
        java.util.Collections.reverse(reversed);
        assertThat(Digest.idOf(reversed)).isEqualTo(Digest.idOf(b));
        assertThat(Digest.idOf(b.subList(0, 3))).isNotEqualTo(Digest.idOf(b));
        assertThat(Digest.of(b, "吉州区").id()).isEqualTo(Digest.idOf(b)).isNotIn(b.stream().map(Notification::id).toList());
    }

    @Test
    public void aRobotDigestStaysWithinTheRobotsBytesAndCountsTheRest() {
        Notification d = Digest.of(burst(NotificationChannel.WECOM, 400), "吉州区");
        assertThat(d.subject()).isEqualTo("【吉州区】400 条通知");
        assertThat(d.text().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(Digest.WECOM_BYTES);
        assertThat(d.text()).contains("1. 【催办】案件 JZ-1 即将超期").contains("条通知合并发送").containsPattern("…另有 \\d+ 条$");
    }

    @Test
    public void anEmailDigestListsTwoHundred() {
        Notification d = Digest.of(burst(NotificationChannel.EMAIL, 250), "吉州区");
        assertThat(d.text()).contains("200. 【催办】案件 JZ-200 即将超期").doesNotContain("JZ-201 ").endsWith("…另有 50 条");
    }
}
