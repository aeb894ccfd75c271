package org.gongzhi.core.open311.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.gongzhi.core.casework.CaseAction;
import org.gongzhi.core.casework.CaseLifecycle;
import org.gongzhi.core.casework.IllegalTransitionException;
import org.gongzhi.core.service.ConflictException;
import org.gongzhi.core.service.StepRefusedException;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.cases.CaseService;
import org.gongzhi.core.service.cases.CaseView;
import org.gongzhi.core.service.cases.JournalEntry;
import org.gongzhi.core.service.cases.TransitionCommand;
import org.gongzhi.core.tenant.TenantDefinition;

/**
 * The servicerequestupdates extension (mySociety's, as used by FixMyStreet): the journal of the
 * shown cases as updates, and updates posted by a client. An update shows the step's label and its
 * public note only — internal notes never leave the platform. A posted update becomes a public note:
 * a progress note ({@link CaseAction#PROGRESS}) where the status allows one, else a comment
 * ({@link CaseAction#COMMENT}, any status); neither changes the status. {@code update_id} is
 * {@code <case number>-<journal seq>}, stable for ever.
 */
final class UpdateFeed {

    /**
     * Statuses a client may post, as the extension writes them (upper case, any letter case
     * accepted): GeoReport's two and the extended ones FixMyStreet sends.
     */
    static final Set<String> STATUSES = Set.of("OPEN", "CLOSED", "FIXED", "IN_PROGRESS", "ACTION_SCHEDULED",
            "INVESTIGATING", "DUPLICATE", "NOT_COUNCILS_RESPONSIBILITY", "NO_FURTHER_ACTION", "INTERNAL_REFERRAL",
            "REOPEN");
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
    Doc list(TenantDefinition t, W3cTime.Range range, boolean extended, MediaLinks media) {
        W3cTime.Range reported = new W3cTime.Range(range.from().minus(W3cTime.MAX_SPAN), range.to());
        List<Timed> updates = new ArrayList<>();
        for (CaseView c : finder.list(t, reported, Set.of(), null, RequestFinder.MAX_RESULTS)) {
            for (JournalEntry e : cases.journal(t.id(), c.id())) {
                if (range.contains(e.at())) {
                    updates.add(new Timed(e.at(), update(t, c, e, extended, media)));
                }
            }
        }
        List<Map<String, Object>> sorted = updates.stream().sorted(Comparator.comparing(Timed::at))
                .limit(RequestFinder.MAX_RESULTS).map(Timed::fields).toList();
        return Doc.list("service_request_updates", "request_update", sorted);
    }

    private record Timed(Instant at, Map<String, Object> fields) {
    }

    /**
     * One journal entry as an update: the step's label, with the public note if the step has one;
     * the intake shows the request's description (public like the request itself). Media only with
     * what is public: the intake's and those of a step with a public note.
     */
    static Map<String, Object> update(TenantDefinition t, CaseView c, JournalEntry e, boolean extended,
                                      MediaLinks media) {
        String label = RequestMapping.stepLabel(e);
        boolean intake = e.action() == null;
        String text = intake ? c.description() : e.publicNote();
        text = text == null || text.isBlank() ? null : text.strip();
        boolean withMedia = (intake || text != null) && !e.attachments().isEmpty();
        return Doc.fields(
                "update_id", updateId(c, e),
                "service_request_id", c.number(),
                "status", RequestMapping.status(e.to(), extended),
                "updated_datetime", W3cTime.format(e.at(), t.timeZone()),
                "description", text == null ? label : label + "：" + text,
                "media_url", withMedia ? media.url(t, e.attachments().get(0)) : "");
    }

    static String updateId(CaseView c, JournalEntry e) {
        return c.number() + "-" + e.seq();
    }

    /**
     * POST: records the client's update as a public note and answers its update_id. The same client
     * posting the same {@code update_id} again gets the first answer and changes nothing. The poster's
     * name, e-mail and phone are not kept: the journal names the client ({@code open311:<name>}).
     */
    Doc post(TenantDefinition t, Form form, ApiKeys.Client client) {
        String number = form.required("service_request_id");
        String clientUpdateId = form.required("update_id");
        String status = form.required("status").toUpperCase(Locale.ROOT);
        if (!STATUSES.contains(status)) {
            throw Open311Exception.badRequest("status must be one of " + String.join(", ", new TreeSet<>(STATUSES))
                    + " (status 取值不正确): " + form.first("status"));
        }
        W3cTime.parse("updated_datetime", form.required("updated_datetime"), t.timeZone());
        String description = form.required("description");
        if (description.length() > MAX_NOTE) {
            throw Open311Exception.badRequest("description is longer than " + MAX_NOTE + " characters (说明过长)");
        }
        CaseView c = finder.byNumber(t, number).orElseThrow(() -> Open311Exception.notFound(
                "service_request_id provided was not found: " + number + " (事件不存在)"));
        String actor = "open311:" + client.name();
        // internal: which update of the client this was (no personal data); also the duplicate check
        String internal = "Open311 update_id " + clientUpdateId + ", status " + status;
        Optional<JournalEntry> earlier = cases.journal(t.id(), c.id()).stream()
                .filter(e -> actor.equals(e.actor()) && internal.equals(e.note())).findFirst();
        if (earlier.isPresent()) {
            return answer(c, earlier.get(), form);
        }
        CaseAction action = CaseLifecycle.canPerform(c.status(), CaseAction.PROGRESS) ? CaseAction.PROGRESS
                : CaseAction.COMMENT;
        String publicNote = description + suffix(status, c);
        try {
            cases.transition(t.id(), c.id(), new TransitionCommand(action, actor, internal, form.values("media_url"),
                    null, null, null, null, null, null, publicNote));
        } catch (IllegalTransitionException | ConflictException | StepRefusedException e) {
            throw Open311Exception.badRequest("service request " + c.number() + " does not accept updates now, "
                    + "please try again (事件暂时不能接受补充说明，请稍后重试)");
        } catch (ValidationException e) {
            throw RequestIntake.invalid(e);
        }
        List<JournalEntry> journal = cases.journal(t.id(), c.id());
        JournalEntry mine = journal.stream().filter(e -> actor.equals(e.actor()) && internal.equals(e.note()))
                .reduce((a, b) -> b).orElse(journal.get(journal.size() - 1));
        return answer(c, mine, form);
    }

    private static Doc answer(CaseView c, JournalEntry e, Form form) {
        return Doc.list("service_request_updates", "request_update",
                List.of(Doc.fields("update_id", updateId(c, e), "account_id", form.first("account_id"))));
    }

    /** What the reporter's status says, for staff and the public; the status of the case does not change. */
    private static String suffix(String status, CaseView c) {
        return switch (status) {
            case "CLOSED", "FIXED" -> RequestMapping.closed(c.status()) ? ""
                    : "（报告人认为问题已解决 the reporter considers it resolved）";
            case "REOPEN" -> "（报告人要求重新处理 the reporter asks to reopen it）";
            default -> "";
        };
    }
}
