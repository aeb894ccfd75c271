package org.gongzhi.core.service.hotline;

import java.util.UUID;

import org.gongzhi.core.service.ConflictException;
import org.gongzhi.core.service.NotFoundException;
import org.gongzhi.core.service.Page;
import org.gongzhi.core.service.ValidationException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * 12345 回访 — the callback to the caller after a hotline case closed (ADR 0030). The centre calls
 * the caller of every closed hotline case back and records the result: reached, the caller's
 * satisfaction becomes the case's evaluation (the {@code evaluate} step, actor the seat); not
 * reached, the attempt is journaled on the case (a {@code comment} step) and the case stays on the
 * list until the district's {@code callbackAttempts} (tenant definition, {@code hotline.yaml},
 * default 3) failed attempts, after which it is {@link CallbackState#UNREACHABLE} (未回访成功).
 * Attempts count from the case's last close, so a reopened and closed-again case is called anew.
 *
 * <p>Implemented by the persistence bundle; called by the REST API. Thread-safe; blocks on the
 * database; one transaction per recorded attempt, which also writes the case step. The caller's
 * phone number is personal data: shown to staff who hold the callback roles, never logged.
 *
 * @since 1.1
 */
@ProviderType
public interface HotlineCallbacks {

    /** Longest note of an attempt. */
    int MAX_NOTE = 500;

    /**
     * Closed hotline cases of the district not yet evaluated, in {@code state} ({@link CallbackState#DUE}:
     * still to be called; {@link CallbackState#UNREACHABLE}: given up), oldest close first.
     *
     * @throws NotFoundException   for an unknown district
     * @throws ValidationException ({@code state}) for {@link CallbackState#EVALUATED}
     */
    Page<CallbackTask> list(String tenantId, CallbackState state, int offset, int limit);

    /**
     * Records one callback attempt on a closed hotline case of the district.
     *
     * @param actor the seat (坐席) who called, journaled as the step's actor
     * @return what the case's callback is now
     * @throws NotFoundException   for an unknown district or case
     * @throws ValidationException naming the field: {@code satisfaction} missing or out of 1–5 when reached,
     *                             given when not reached; {@code note} too long
     * @throws ConflictException   ({@code status}) the case is not a closed hotline case awaiting evaluation;
     *                             ({@code attempts}) it already failed {@code callbackAttempts} times
     */
    CallbackResult record(String tenantId, UUID caseId, CallbackAttempt attempt, String actor);
}
