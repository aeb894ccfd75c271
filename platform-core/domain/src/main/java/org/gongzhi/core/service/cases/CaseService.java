package org.gongzhi.core.service.cases;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.gongzhi.core.service.ConflictException;
import org.gongzhi.core.service.NotFoundException;
import org.gongzhi.core.service.Page;
import org.gongzhi.core.service.ValidationException;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The case closed loop (事件闭环) of one district: intake, transitions, queries.
 *
 * <p>Implemented by the persistence bundle; called by REST, shell and integration. Methods are
 * thread-safe and block on the database. Unknown tenant or case: {@link NotFoundException};
 * bad input: {@link ValidationException}; illegal transition:
 * {@link org.gongzhi.core.casework.IllegalTransitionException}; concurrent change:
 * {@link ConflictException}.
 */
@ProviderType
public interface CaseService {

    /**
     * Reports a case (上报); idempotent on {@link NewCase#idempotencyKey()} within
     * {@code keyScope}: a key seen before in the same scope answers the earlier case, a key used
     * in another scope is a new key (one caller can never obtain another's case by its key).
     *
     * @param actor           who reported, for the journal
     * @param reporterSubject identity subject of a resident reporting their own case (they may
     *                        then see and rate it), {@code null} otherwise
     * @param keyScope        whose key space {@link NewCase#idempotencyKey()} belongs to: the
     *                        caller's identity subject for API callers, the intake's own name for
     *                        the hotline and Open311; at most 200 characters, required with a key
     * @since 1.4
     */
    IntakeResult report(String tenantId, NewCase newCase, String actor, String reporterSubject, String keyScope);

    /**
     * {@link #report(String, NewCase, String, String, String)} with the actor as the key scope,
     * for intakes that speak for themselves (the hotline, Open311).
     */
    default IntakeResult report(String tenantId, NewCase newCase, String actor, String reporterSubject) {
        return report(tenantId, newCase, actor, reporterSubject, actor);
    }

    /** {@link #report(String, NewCase, String, String)} by someone who is not the resident concerned. */
    default IntakeResult report(String tenantId, NewCase newCase, String actor) {
        return report(tenantId, newCase, actor, null);
    }

    CaseView get(String tenantId, UUID caseId);

    /**
     * One page of the cases {@code query} matches, in its order, with the number of all matches. That number is
     * exact, except for a broad list matching more than {@link CaseQuery#COUNT_CAP} cases: a word search
     * ({@code text} neither a case number nor a phone) or a list with no filter. Then the page's total is the cap
     * and {@code totalExact} is false (counting every match visits every matching row; "1,000+" is what a
     * dispatcher needs).
     */
    Page<CaseView> list(String tenantId, CaseQuery query);

    /**
     * The exact number of cases {@code query} matches, never capped (the export's {@code X-Total-Count}).
     * The default asks {@link #list} for one row (test doubles count exactly); the persistence bundle counts.
     *
     * @since 2.1
     */
    default long count(String tenantId, CaseQuery query) {
        return list(tenantId, query.page(0, 1)).total();
    }

    /**
     * Every case {@code query} matches, in its order, ignoring its page, handed to {@code sink} one at a time
     * as the database delivers them (a server-side cursor: the whole list is never in memory). {@code sink}
     * runs inside one read transaction and may write to a slow client; a {@link RuntimeException} from it
     * ends the walk and is rethrown. Returns how many lines were handed over.
     *
     * <p>The default walks {@link #list} page by page (for test doubles); the persistence bundle streams.
     *
     * @since 2.1
     */
    default long export(String tenantId, CaseQuery query, Consumer<CaseLine> sink) {
        long n = 0;
        for (int offset = 0; ; offset += CaseQuery.MAX_LIMIT) {
            Page<CaseView> page = list(tenantId, query.page(offset, CaseQuery.MAX_LIMIT));
            page.items().forEach(v -> sink.accept(CaseLine.of(v)));
            n += page.items().size();
            if (page.items().size() < CaseQuery.MAX_LIMIT) {
                return n;
            }
        }
    }

    /**
     * The inbox counts over the open cases {@code query} matches, ignoring its statuses, "due within",
     * order and page: {@code dueWithinHours} (1–{@value CaseQuery#MAX_DUE_WITHIN_HOURS}) is the
     * window of {@link CaseSummary#dueSoon()}.
     *
     * @since 1.5
     */
    CaseSummary summary(String tenantId, CaseQuery query, int dueWithinHours);

    /** Applies one step of the loop and journals it in the same transaction. */
    CaseView transition(String tenantId, UUID caseId, TransitionCommand command);

    /**
     * Like {@link #transition(String, UUID, TransitionCommand)}, for a caller who may act only on some cases:
     * {@code admit} is handed the case as it is before the step and throws to refuse it (e.g. a
     * {@link NotFoundException} when the caller may not see the case); nothing changes then. The command's
     * input is checked after {@code admit}. Implementations read the case once for both.
     *
     * @since 1.9
     */
    default CaseView transition(String tenantId, UUID caseId, TransitionCommand command, Consumer<CaseView> admit) {
        admit.accept(get(tenantId, caseId));
        return transition(tenantId, caseId, command);
    }

    /** The case's journal (流转记录), oldest first. */
    List<JournalEntry> journal(String tenantId, UUID caseId);

    /** Open cases whose due time is before {@code now}, most overdue first, at most {@code limit}. */
    List<CaseView> overdue(String tenantId, Instant now, int limit);
}
