package org.gongzhi.core.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;

import javax.ws.rs.core.Response;

import org.gongzhi.core.service.notify.NotificationChannel;
import org.gongzhi.core.service.notify.NotificationPreferences;
import org.junit.Test;

/** Notification preferences on the wire: good ones parse, JSON nulls inside them are 400s naming the field. */
public class NotificationJsonTest {

    private final ProblemMapper problems = new ProblemMapper();

    @Test
    public void preferencesParse() {
        NotificationPreferences p = new NotificationJson.Preferences(List.of("inbox", "SMS "),
                new NotificationJson.QuietHours("22:00", "07:30")).parsed();
        assertThat(p.channels()).contains(NotificationChannel.INBOX, NotificationChannel.SMS);
        assertThat(p.quietStart()).isEqualTo(LocalTime.of(22, 0));
        assertThat(p.quietEnd()).isEqualTo(LocalTime.of(7, 30));
    }

    @Test
    public void nullsInsideThePreferencesAre400sNamingTheField() {
        assertBad("channels", new NotificationJson.Preferences(Arrays.asList("inbox", null), null));
        assertBad("channels", new NotificationJson.Preferences(List.of("wecom"), null));
        assertBad("quietHours.start", new NotificationJson.Preferences(List.of("inbox"),
                new NotificationJson.QuietHours(null, "07:30")));
        assertBad("quietHours.end", new NotificationJson.Preferences(List.of("inbox"),
                new NotificationJson.QuietHours("22:00", null)));
        assertBad("quietHours.end", new NotificationJson.Preferences(List.of("inbox"),
                new NotificationJson.QuietHours("22:00", "29:99")));
    }

    private void assertBad(String field, NotificationJson.Preferences body) {
        Throwable e = catchThrowable(body::parsed);
        assertThat(e).as("refused for " + field).isNotNull();
        Response r = problems.toResponse(e);
        assertThat(r.getStatus()).isEqualTo(400);
        assertThat(((Problem) r.getEntity()).field()).isEqualTo(field);
    }
}
