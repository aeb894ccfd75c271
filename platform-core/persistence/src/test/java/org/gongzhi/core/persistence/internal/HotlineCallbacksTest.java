package org.gongzhi.core.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gongzhi.core.casework.CaseAction;
import org.gongzhi.core.casework.CaseStatus;
import org.gongzhi.core.casework.Channel;
import org.gongzhi.core.service.ConflictException;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.cases.JournalEntry;
import org.gongzhi.core.service.cases.NewCase;
import org.gongzhi.core.service.cases.TransitionCommand;
import org.gongzhi.core.service.dispatch.DispatchListener;
import org.gongzhi.core.service.dispatch.DispatchState;
import org.gongzhi.core.service.dispatch.OutboundDispatch;
import org.gongzhi.core.service.hotline.CallbackAttempt;
import org.gongzhi.core.service.hotline.CallbackResult;
import org.gongzhi.core.service.hotline.CallbackState;
import org.gongzhi.core.service.hotline.CallbackTask;
import org.gongzhi.core.service.hotline.HotlineIntake;
import org.gongzhi.core.tenant.HotlineMapping;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;

/** 12345 回复 and 回访 on the real schema: the reply written with the close, the callback list and its attempts. */
public class HotlineCallbacksTest {

    @ClassRule
    public static final PersistenceFixture FIX = new PersistenceFixture();
    private static final String JIZHOU = HibernateCaseServiceTest.JIZHOU;
    private static final String PHONE = "13912345678";
    private static HibernateHotlineCallbacks callbacks;

    @BeforeClass
    public static void service() {
        callbacks = new HibernateHotlineCallbacks(FIX.db, FIX.tenants, FIX.hooks, FIX.clock);
    }

    /** A case from hotline ticket {@code ticket} of {@code tenant}, taken through the loop to closed. */
    static UUID closedTicket(String tenant, String ticket, String publicNote) {
        NewCase report = new NewCase("路灯不亮", "来电反映路灯不亮", "CM0604", Channel.HOTLINE, 114.927, 27.08, "阳明路", null,
                "李四", PHONE, List.of(), HotlineIntake.KEY_PREFIX + ticket, null, null, false);
        UUID id = FIX.cases.report(tenant, report, HotlineIntake.ACTOR, null, HotlineIntake.ACTOR).kase().id();
        step(tenant, id, CaseAction.REGISTER, null);
        FIX.cases.transition(tenant, id, new TransitionCommand(CaseAction.DISPATCH, "centre", null, List.of(), "CG",
                List.of(), null, null, null, null));
        step(tenant, id, CaseAction.ACCEPT, null);
        step(tenant, id, CaseAction.FEEDBACK, null);
        step(tenant, id, CaseAction.VERIFY_PASS, null);
        step(tenant, id, CaseAction.CLOSE, publicNote);
        return id;
    }

    private static void step(String tenant, UUID id, CaseAction action, String publicNote) {
        FIX.cases.transition(tenant, id, new TransitionCommand(action, "centre", "说明", List.of(), null, List.of(), null,
                null, null, null, publicNote));
    }

    private static List<OutboundDispatch> replies(String tenant, UUID caseId) {
        return FIX.outbox.list(tenant, null, 0, 1000).items().stream()
                .filter(d -> d.caseId().equals(caseId) && d.department().equals(HotlineMapping.REPLY_DEPARTMENT)).toList();
    }

    private static CallbackResult notReached(UUID id) {
        return callbacks.record(JIZHOU, id, new CallbackAttempt(false, null, "无人接听"), "seat-1");
    }

    private static boolean listed(CallbackState state, UUID id) {
        return callbacks.list(JIZHOU, state, 0, 500).items().stream().anyMatch(t -> t.caseId().equals(id));
    }

    @Test
    public void closingATicketsCaseWritesTheReplyInTheSameTransactionWithoutTheCaller() throws Exception {
        List<UUID> announced = new CopyOnWriteArrayList<>();
        DispatchListener listener = (tenant, ids) -> announced.addAll(ids);
        FIX.signals.addListener(listener);
        UUID id;
        try {
            id = closedTicket(JIZHOU, "JA-2026-0001", "路灯已修复，恢复照明");
        } finally {
            FIX.signals.removeListener(listener);
        }
        OutboundDispatch reply = replies(JIZHOU, id).get(0);
        assertThat(replies(JIZHOU, id)).hasSize(1);
        assertThat(reply.state()).isEqualTo(DispatchState.PENDING);
        assertThat(announced).contains(reply.dispatchId());
        JsonNode p = new ObjectMapper().readTree(reply.payload());
        assertThat(p.get("type").asText()).isEqualTo("hotline-reply");
        assertThat(p.get("replyId").asText()).isEqualTo(reply.dispatchId().toString());
        assertThat(p.get("ticketNumber").asText()).isEqualTo("JA-2026-0001");
        assertThat(p.get("caseNumber").asText()).isEqualTo(reply.caseNumber());
        assertThat(p.get("result").asText()).isEqualTo("路灯已修复，恢复照明");
        assertThat(p.get("department").asText()).isEqualTo("CG");
        assertThat(p.get("departmentName").asText()).isEqualTo("吉州区城市管理局");
        assertThat(p.get("closedAt").asText()).isNotBlank();
        assertThat(reply.payload()).doesNotContain(PHONE, "李四", "来电反映");
    }

    @Test
    public void noReplyWithoutAReplyConnectorOrWithoutATicket() {
        UUID donghu = closedTicket("donghu", "DH-1", null);
        assertThat(FIX.tenants.require("donghu").hotline().reply()).isNull();
        assertThat(replies("donghu", donghu)).isEmpty();
        UUID byHand = DispatchOutboxTest.dispatched(FIX, "CG");
        step(JIZHOU, byHand, CaseAction.ACCEPT, null);
        step(JIZHOU, byHand, CaseAction.FEEDBACK, null);
        step(JIZHOU, byHand, CaseAction.VERIFY_PASS, null);
        step(JIZHOU, byHand, CaseAction.CLOSE, null);
        assertThat(replies(JIZHOU, byHand)).isEmpty();
    }

    @Test
    public void aReachedCallerEvaluatesTheCaseAsTheSeat() {
        UUID id = closedTicket(JIZHOU, "JA-2026-0002", null);
        CallbackTask task = callbacks.list(JIZHOU, CallbackState.DUE, 0, 500).items().stream()
                .filter(t -> t.caseId().equals(id)).findFirst().orElseThrow();
        assertThat(task.ticketNumber()).isEqualTo("JA-2026-0002");
        assertThat(task.callerPhone()).isEqualTo(PHONE);
        assertThat(task.failedAttempts()).isZero();
        assertThat(task.maxAttempts()).isEqualTo(3);
        assertThat(task.leadDepartment()).isEqualTo("CG");

        CallbackResult r = callbacks.record(JIZHOU, id, new CallbackAttempt(true, 4, null), "seat-1");
        assertThat(r.state()).isEqualTo(CallbackState.EVALUATED);
        assertThat(FIX.cases.get(JIZHOU, id).status()).isEqualTo(CaseStatus.EVALUATED);
        assertThat(FIX.cases.get(JIZHOU, id).satisfaction()).isEqualTo(4);
        JournalEntry last = FIX.cases.journal(JIZHOU, id).get(FIX.cases.journal(JIZHOU, id).size() - 1);
        assertThat(last.action()).isEqualTo(CaseAction.EVALUATE);
        assertThat(last.actor()).isEqualTo("seat-1");
        assertThat(last.note()).contains("基本满意");
        assertThat(listed(CallbackState.DUE, id)).isFalse();
        assertThatThrownBy(() -> notReached(id)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.field()).isEqualTo("status"));
    }

    @Test
    public void afterTheConfiguredFailedAttemptsTheCaseLeavesTheListAsUnreachable() {
        UUID id = closedTicket(JIZHOU, "JA-2026-0003", null);
        assertThat(notReached(id).state()).isEqualTo(CallbackState.DUE);
        CallbackResult second = notReached(id);
        assertThat(second.failedAttempts()).isEqualTo(2);
        assertThat(listed(CallbackState.DUE, id)).isTrue();
        CallbackResult third = notReached(id);
        assertThat(third.state()).isEqualTo(CallbackState.UNREACHABLE);
        assertThat(listed(CallbackState.DUE, id)).isFalse();
        assertThat(listed(CallbackState.UNREACHABLE, id)).isTrue();
        assertThat(FIX.cases.get(JIZHOU, id).status()).as("still closed, not evaluated").isEqualTo(CaseStatus.CLOSED);
        List<JournalEntry> comments = FIX.cases.journal(JIZHOU, id).stream()
                .filter(j -> j.action() == CaseAction.COMMENT).toList();
        assertThat(comments).hasSize(3).allMatch(j -> j.actor().equals("seat-1"));
        assertThat(comments.get(2).note()).contains("第 3 次，共 3 次").contains("未回访成功");
        assertThatThrownBy(() -> notReached(id)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.field()).isEqualTo("attempts"));

        // reopened and closed again: the caller is called anew
        step(JIZHOU, id, CaseAction.REOPEN, null);
        FIX.clock.advance(java.time.Duration.ofMinutes(1));
        FIX.cases.transition(JIZHOU, id, new TransitionCommand(CaseAction.DISPATCH, "centre", null, List.of(), "CG",
                List.of(), null, null, null, null));
        step(JIZHOU, id, CaseAction.ACCEPT, null);
        step(JIZHOU, id, CaseAction.FEEDBACK, null);
        step(JIZHOU, id, CaseAction.VERIFY_PASS, null);
        step(JIZHOU, id, CaseAction.CLOSE, null);
        assertThat(listed(CallbackState.DUE, id)).isTrue();
        assertThat(replies(JIZHOU, id)).as("a second reply for the second close").hasSize(2);
    }

    @Test
    public void badInputNamesItsField() {
        UUID id = closedTicket(JIZHOU, "JA-2026-0004", null);
        assertThatThrownBy(() -> callbacks.record(JIZHOU, id, new CallbackAttempt(true, null, null), "s"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("satisfaction"));
        assertThatThrownBy(() -> callbacks.record(JIZHOU, id, new CallbackAttempt(true, 6, null), "s"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("satisfaction"));
        assertThatThrownBy(() -> callbacks.record(JIZHOU, id, new CallbackAttempt(false, 3, null), "s"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("satisfaction"));
        assertThatThrownBy(() -> callbacks.record(JIZHOU, id, new CallbackAttempt(false, null, "x".repeat(501)), "s"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("note"));
        assertThatThrownBy(() -> callbacks.list(JIZHOU, CallbackState.EVALUATED, 0, 10))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("state"));
        assertThat(FIX.cases.get(JIZHOU, id).status()).isEqualTo(CaseStatus.CLOSED);
    }
}
