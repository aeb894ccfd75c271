package org.gongzhi.core.open311.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.gongzhi.core.casework.CaseAction;
import org.gongzhi.core.casework.CaseLifecycle;
import org.gongzhi.core.casework.IllegalTransitionException;
import org.gongzhi.core.service.CaseService;
import org.gongzhi.core.service.CaseView;
import org.gongzhi.core.service.ConflictException;
import org.gongzhi.core.service.JournalEntry;
import org.gongzhi.core.service.StepRefusedException;
import org.gongzhi.core.service.TransitionCommand;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.tenant.TenantDefinition;

/**
 * The servicerequestupdates extension (mySociety's, as used by FixMyStreet): the journal of the
 * shown cases as updates, and updates posted by a client as progress notes ({@link CaseAction#PROGRESS},
 * which keeps the status) where the case's status allows one. {@code update_id} is
 * {@code <case number>-<journal seq>}, stable for ever.
 */
final class UpdateFeed {

    /** Statuses the extension's POST accepts (any letter case). */
    private static final Set<String> STATUSES = Set.of("open", "closed");
    private static final int MAX_NOTE = 2000;

    private final CaseService cases;
    private final RequestFinder finder;

    UpdateFeed(CaseService cases, RequestFinder finder) {
        this.cases = cases;
        this.finder = finder;
    }

    /**
     * GET: the updates made within {@code range} (both ends included), oldest first, at most
     * {@link RequestFinder#MAX_RESULTS}. Cases reported up to 90 days before the range's start are
     * considered.
     */
    Doc list(TenantDefinition t, W3cTime.Range range) {
        W3cTime.Range reported = new W3cTime.Range(range.from().minus(W3cTime.MAX_SPAN), range.to());
        List<Timed> updates = new ArrayList<>();
        for (CaseView c : finder.list(t, reported, Set.of(), null, RequestFinder.MAX_RESULTS)) {
            for (JournalEntry e : cases.journal(t.id(), c.id())) {
                if (range.contains(e.at())) {
                    updates.add(new Timed(e.at(), update(t, c, e)));
                }
            }
        }
        List<Map<String, Object>> sorted = updates.stream().sorted(Comparator.comparing(Timed::at))
                .limit(RequestFinder.MAX_RESULTS).map(Timed::fields).toList();
        return Doc.list("service_request_updates", "request_update", sorted);
    }

    private record Timed(Instant at, Map<String, Object> fields) {
    }

    static Map<String, Object> update(TenantDefinition t, CaseView c, JournalEntry e) {
        String label = RequestMapping.stepLabel(e);
        String note = e.note() == null || e.note().isBlank() ? null : e.note().strip();
        return Doc.fields(
                "update_id", updateId(c, e),
                "service_request_id", c.number(),
                "status", RequestMapping.status(e.to()),
                "updated_datetime", W3cTime.format(e.at(), t.timeZone()),
                "description", note == null ? label : label + "：" + note,
                "media_url", e.attachments().isEmpty() ? "" : e.attachments().get(0));
    }

    static String updateId(CaseView c, JournalEntry e) {
        return c.number() + "-" + e.seq();
    }

    /** POST: records the client's update as a progress note and answers its update_id. */
    Doc post(TenantDefinition t, Form form, ApiKeys.Client client) {
        String number = form.required("service_request_id");
        form.required("update_id");
        String status = form.required("status").toLowerCase(Locale.ROOT);
        if (!STATUSES.contains(status)) {
            throw Open311Exception.badRequest("status must be OPEN or CLOSED (status 只能是 OPEN 或 CLOSED): "
                    + form.first("status"));
        }
        W3cTime.parse("updated_datetime", form.required("updated_datetime"), t.timeZone());
        String description = form.required("description");
        if (description.length() > MAX_NOTE) {
            throw Open311Exception.badRequest("description is longer than " + MAX_NOTE + " characters (说明过长)");
        }
        CaseView c = finder.byNumber(t, number).orElseThrow(() -> Open311Exception.notFound(
                "service_request_id provided was not found: " + number + " (事件不存在)"));
        if (!CaseLifecycle.canPerform(c.status(), CaseAction.PROGRESS)) {
            throw notNow(c);
        }
        String note = "closed".equals(status) && !RequestMapping.closed(c.status())
                ? description + "（报告人认为问题已解决 the reporter considers it resolved）" : description;
        String actor = "open311:" + client.name();
        try {
            cases.transition(t.id(), c.id(), new TransitionCommand(CaseAction.PROGRESS, actor, note,
                    form.values("media_url"), null, null, null, null, null, null));
        } catch (IllegalTransitionException | ConflictException | StepRefusedException e) {
            throw notNow(c);
        } catch (ValidationException e) {
            throw RequestIntake.invalid(e);
        }
        List<JournalEntry> journal = cases.journal(t.id(), c.id());
        JournalEntry mine = journal.stream().filter(e -> e.action() == CaseAction.PROGRESS && actor.equals(e.actor()))
                .reduce((a, b) -> b).orElse(journal.get(journal.size() - 1));
        return Doc.list("service_request_updates", "request_update",
                List.of(Doc.fields("update_id", updateId(c, mine), "account_id", form.first("account_id"))));
    }

    private static Open311Exception notNow(CaseView c) {
        return Open311Exception.badRequest("service request " + c.number() + " does not accept updates while "
                + c.status().labelEn().toLowerCase(Locale.ROOT) + " (事件当前状态「" + c.status().labelZh()
                + "」不接受补充说明，请在派遣后或处置中提交)");
    }
}
