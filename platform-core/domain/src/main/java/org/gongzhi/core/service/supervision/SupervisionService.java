package org.gongzhi.core.service.supervision;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.gongzhi.core.service.ConflictException;
import org.gongzhi.core.service.NotFoundException;
import org.gongzhi.core.service.ValidationException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Supervision of cases (督办): the records of a case, orders issued by hand and their answers, the
 * district's list of listed matters (挂牌督办) and the city's view of escalations (提级督办).
 * Implemented by persistence; called by REST and reports. Who may call what is the caller's
 * business (REST checks roles and the case's visibility); this service checks the input and the
 * state. Every write commits together with its journal entry on the case and its notice to the
 * notification outbox. Blocking; thread-safe.
 */
@ProviderType
public interface SupervisionService {

    /** Longest reason of an order, in characters. */
    int MAX_REASON = 500;
    /** Longest answer, in characters. */
    int MAX_ANSWER = 2000;
    /** Farthest deadline of an order, in days from now. */
    int MAX_DEADLINE_DAYS = 90;
    /** Most records one list call returns. */
    int MAX_LIST = 500;

    /**
     * Every supervision record of a case, oldest first.
     *
     * @throws NotFoundException for an unknown district or case
     */
    List<Supervision> ofCase(String tenantId, UUID caseId);

    /**
     * Issues a supervision order (督办) or lists a major matter (挂牌督办) on an open case.
     *
     * @param actor who issues it (a district leader or dispatcher; REST checks the role)
     * @throws NotFoundException   for an unknown district or case
     * @throws ValidationException naming {@code kind} (not order or listed), {@code reason} (blank or
     *                             too long) or {@code deadline} (missing, not after now, too far)
     * @throws ConflictException   ({@code case}) when the case is closed or rejected
     */
    Supervision order(String tenantId, UUID caseId, NewOrder order, String actor);

    /**
     * Records the handler's answer to an order, once.
     *
     * @throws NotFoundException   for an unknown district, case or record of that case
     * @throws ValidationException ({@code answer}) blank or longer than {@value #MAX_ANSWER}
     * @throws ConflictException   ({@code answer}) when answered already or the record is a reminder
     */
    Supervision answer(String tenantId, UUID caseId, UUID supervisionId, String answer, String actor);

    /**
     * The district's listed matters (挂牌督办), newest first, at most {@value #MAX_LIST}.
     *
     * @param publishedOnly only those published on the district's list
     * @throws NotFoundException for an unknown district
     */
    List<Supervision> listed(String tenantId, boolean publishedOnly);

    /**
     * Publishes the district's list: every listed matter not yet published is published now.
     *
     * @return the list as published (every published listed matter, newest first)
     * @throws NotFoundException for an unknown district
     */
    List<Supervision> publishListed(String tenantId, String actor);

    /**
     * Escalations (提级督办) of every active district issued in [{@code from}, {@code to}), newest
     * first, at most {@value #MAX_LIST}: what the city centre watches.
     *
     * @param openOnly only those not answered yet
     * @throws ValidationException ({@code from}) when {@code from} is not before {@code to}
     */
    List<Supervision> escalations(Instant from, Instant to, boolean openOnly);
}
