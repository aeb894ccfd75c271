package org.gongzhi.plugins.threelinked.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.gongzhi.plugin.api.InvalidInputException;
import org.gongzhi.plugin.api.RecordCollection;

/**
 * 联资源: the registries of one tenant: social organisations, certified social workers, community
 * facilities lent to organisations, and the policy catalogue.
 */
final class ResourceRegistry {

    static final String ORGANISATIONS = "organisations";
    static final String SOCIAL_WORKERS = "social-workers";
    static final String FACILITIES = "facilities";
    static final String POLICIES = "policies";

    private final RecordCollection organisations;
    private final RecordCollection workers;
    private final RecordCollection facilities;
    private final RecordCollection policies;

    ResourceRegistry(RecordCollection organisations, RecordCollection workers, RecordCollection facilities,
                     RecordCollection policies) {
        this.organisations = organisations;
        this.workers = workers;
        this.facilities = facilities;
        this.policies = policies;
    }

    /** @throws Conflict when the registration number is registered already */
    Organisation register(Organisation o) {
        return Organisation.from(Records.write(organisations, o.id(), 0, o.toData(), o.toRefs(),
                "该社会组织已登记 (an organisation with this registration number exists): " + o.id()));
    }

    Optional<Organisation> organisation(String id) {
        return organisations.get(id).map(Organisation::from);
    }

    List<Organisation> organisations(String area) {
        return Records.all(organisations, area == null ? null : "area=" + area).stream()
                .map(Organisation::from).toList();
    }

    /**
     * @throws InvalidInputException naming {@code organisationId} when the organisation is unknown
     * @throws Conflict              when the certificate is registered already
     */
    SocialWorker register(SocialWorker w) {
        if (w.organisationId() != null) {
            requireOrganisation("organisationId", w.organisationId());
        }
        return SocialWorker.from(Records.write(workers, w.id(), 0, w.toData(), w.toRefs(),
                "该证书已登记 (a social worker with this certificate exists): " + w.id()));
    }

    Optional<SocialWorker> worker(String id) {
        return workers.get(id).map(SocialWorker::from);
    }

    List<SocialWorker> workers(String organisationId, CertificateLevel level) {
        String ref = organisationId != null ? "organisation=" + organisationId
                : level != null ? "level=" + level.wire() : null;
        return Records.all(workers, ref).stream().map(SocialWorker::from)
                .filter(w -> level == null || level.wire().equals(w.level())).toList();
    }

    /** A loan of a facility; the id is generated. */
    FacilityLoan lend(FacilityLoan loan) {
        requireOrganisation("lentTo", loan.lentTo());
        String id = "loan-" + UUID.randomUUID();
        FacilityLoan withId = new FacilityLoan(id, 0, loan.facility(), loan.community(), loan.areaM2(), loan.lentTo(),
                loan.from(), loan.to());
        return FacilityLoan.from(Records.write(facilities, id, 0, withId.toData(), withId.toRefs(), id));
    }

    List<FacilityLoan> loans(String community) {
        return Records.all(facilities, community == null ? null : "community=" + community).stream()
                .map(FacilityLoan::from).toList();
    }

    /** Files a policy under its category; the id is generated. */
    Policy publish(Policy p) {
        String id = "policy-" + UUID.randomUUID();
        Policy withId = new Policy(id, 0, p.category(), p.title(), p.summary(), p.issuingBody(), p.effectiveOn());
        return Policy.from(Records.write(policies, id, 0, withId.toData(), withId.toRefs(), id));
    }

    Optional<Policy> policy(String id) {
        return policies.get(id).map(Policy::from);
    }

    List<Policy> policies(String category) {
        return Records.all(policies, category == null ? null : "category=" + category).stream().map(Policy::from)
                .toList();
    }

    /** Number of policies per category, categories in code-point order (公开惠民政策 N 类 M 项). */
    Map<String, Integer> policyCategories() {
        Map<String, Integer> counts = new TreeMap<>();
        policies(null).forEach(p -> counts.merge(p.category(), 1, Integer::sum));
        return counts;
    }

    /**
     * The taker of an order: a registered organisation or social worker.
     *
     * @throws InvalidInputException naming {@code takerId} when there is none with that id
     */
    ServiceOrder.Taker taker(String type, String id) {
        if ("organisation".equals(type)) {
            Organisation o = requireOrganisation("takerId", id);
            return new ServiceOrder.Taker(type, o.id(), o.name());
        }
        SocialWorker w = worker(id).orElseThrow(() -> new InvalidInputException("takerId",
                "未登记的社会工作者 (no registered social worker with this certificate): " + id));
        return new ServiceOrder.Taker(type, w.id(), w.name());
    }

    private Organisation requireOrganisation(String field, String id) {
        return organisation(id).orElseThrow(() -> new InvalidInputException(field,
                "未登记的社会组织 (no registered organisation with this number): " + id));
    }
}
