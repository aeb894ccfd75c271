package org.gongzhi.core.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.gongzhi.core.service.notify.Notification;
import org.gongzhi.core.service.notify.NotificationChannel;
import org.gongzhi.core.service.notify.NotificationOutbox;
import org.gongzhi.core.service.notify.NotificationState;
import org.junit.Test;

/** A destination rests for one pace after its turn, and only then; the inbox never rests. */
public class PaceTest {

    private static final Instant T = Instant.parse("2026-12-07T04:00:00Z");

    @Test
    public void aDestinationRestsForOnePaceAfterItsTurn() {
        Pace pace = new Pace(Map.of(NotificationChannel.SMS, Duration.ofSeconds(15)));
        Notification sms = to("jz-cg", NotificationChannel.SMS);
        Notification inbox = to("jz-cg", NotificationChannel.INBOX);
        String key = NotificationOutbox.destinationKey("jizhou", NotificationChannel.SMS, "jz-cg");

        assertThat(pace.resting(T)).isEmpty();
        assertThat(pace.take(sms, T)).isEmpty();
        assertThat(pace.take(inbox, T)).isEmpty();
        assertThat(pace.resting(T.plusSeconds(14))).containsExactly(java.util.Map.entry(key, T.plusSeconds(15)));
        assertThat(pace.take(sms, T.plusSeconds(14))).contains(T.plusSeconds(15));
        assertThat(pace.resting(T.plusSeconds(15))).isEmpty();
        assertThat(pace.take(sms, T.plusSeconds(15))).isEmpty();
    }

    private static Notification to(String person, NotificationChannel channel) {
        return new Notification(UUID.randomUUID(), "jizhou", UUID.randomUUID(), "JZ-1", "case.dispatched", "k", person,
                channel, "s", "t", NotificationState.PENDING, 0, T, T, null, null, null);
    }
}
