package org.gongzhi.core.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import javax.ws.rs.core.Response;

import org.gongzhi.core.service.notify.NotificationChannel;
import org.gongzhi.core.service.notify.NotificationState;
import org.gongzhi.core.service.notify.NotificationTemplate;
import org.junit.Test;

/** Template edits and outbox counts on the wire: good edits parse, bad ones are 400s naming the field. */
public class NotificationTemplateJsonTest {

    private static final Set<String> VARIABLES = Set.of("caseNumber", "district", "event", "deadline");
    private final ProblemMapper problems = new ProblemMapper();

    @Test
    public void anEditWithTheEventsVariablesParses() {
        NotificationTemplate t = new NotificationTemplateJson.Edit("催办 ${caseNumber}",
                "${district}：案件 ${caseNumber} 期限 ${deadline:-见平台}").parsed(VARIABLES);
        assertThat(t.subject()).isEqualTo("催办 ${caseNumber}");
        assertThat(t.text()).contains("${deadline:-见平台}");
        assertThat(t.override()).isTrue();
    }

    @Test
    public void missingTextsAndUnknownVariablesAre400sNamingTheField() {
        assertBad("subject", new NotificationTemplateJson.Edit(null, "t"));
        assertBad("subject", new NotificationTemplateJson.Edit("  ", "t"));
        assertBad("text", new NotificationTemplateJson.Edit("s", null));
        assertBad("text", new NotificationTemplateJson.Edit("s", "请联系 ${reporterPhone}"));
        assertBad("subject", new NotificationTemplateJson.Edit("${caseNumber} ${nope:-x}", "t"));
        assertBad("text", new NotificationTemplateJson.Edit("s", "${}"));
    }

    @Test
    public void countsAreListedByStateThenChannel() {
        Map<NotificationState, Map<NotificationChannel, Long>> counts = new EnumMap<>(NotificationState.class);
        counts.put(NotificationState.DEAD, Map.of(NotificationChannel.SMS, 2L, NotificationChannel.EMAIL, 1L));
        counts.put(NotificationState.DELIVERED, Map.of(NotificationChannel.INBOX, 7L));
        assertThat(NotificationJson.Counts.of(counts).counts()).containsExactly(
                new NotificationJson.Count("delivered", "inbox", 7),
                new NotificationJson.Count("dead", "sms", 2),
                new NotificationJson.Count("dead", "email", 1));
    }

    private void assertBad(String field, NotificationTemplateJson.Edit body) {
        Throwable e = catchThrowable(() -> body.parsed(VARIABLES));
        assertThat(e).as("refused for " + field).isNotNull();
        Response r = problems.toResponse(e);
        assertThat(r.getStatus()).isEqualTo(400);
        assertThat(((Problem) r.getEntity()).field()).isEqualTo(field);
    }
}
