package org.gongzhi.core.persistence.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.gongzhi.core.casework.CaseAction;
import org.gongzhi.core.casework.CaseLifecycle;
import org.gongzhi.core.casework.CaseStatus;
import org.gongzhi.core.casework.WireNames;
import org.gongzhi.core.casework.workflow.CaseRecord;
import org.gongzhi.core.casework.workflow.CaseWorkflow;
import org.gongzhi.core.casework.workflow.DispatchOrder;
import org.gongzhi.core.casework.workflow.HotlineReply;
import org.gongzhi.core.casework.workflow.JournalRecord;
import org.gongzhi.core.casework.workflow.Routing;
import org.gongzhi.core.casework.workflow.StepHooks;
import org.gongzhi.core.casework.workflow.StepOutcome;
import org.gongzhi.core.casework.workflow.Triage;
import org.gongzhi.core.service.ConflictException;
import org.gongzhi.core.service.NotFoundException;
import org.gongzhi.core.service.StepRefusedException;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.cases.DispatchProposal;
import org.gongzhi.core.service.notify.Notice;
import org.gongzhi.core.service.cases.TransitionCommand;
import org.gongzhi.core.service.screen.OperatingMode;
import org.gongzhi.core.tenant.HotlineMapping;
import org.gongzhi.core.tenant.ResponsibilityList;
import org.gongzhi.core.tenant.TenantDefinition;
import org.gongzhi.plugin.api.CaseEvent;
import org.gongzhi.plugin.api.CaseFacts;
import org.hibernate.Session;
import org.hibernate.query.QueryFlushMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One step of the closed loop inside an open session: the workflow ({@link CaseWorkflow}, bundle
 * gongzhi-casework) decides it on the case's record, asking the plugins' guards and triage and the
 * district's mode through {@link StepHooks}; this class writes what it decided — the row, the journal
 * entry, the evidence links and the dispatch outbox (a dispatch writes one row per department, and tells each
 * department through the notification outbox, {@link DispatchNotices}; a return
 * cancels rows not yet delivered; the close of a 12345 ticket's case writes the reply to the hotline,
 * {@link HotlineReply}, when the district has a reply connector). What must happen after the commit is collected in {@link Effects}.
 */
final class CaseSteps {

    /** The journal's actor of a dispatch that registration performed from the responsibility list. */
    static final String AUTO_DISPATCH = "auto-dispatch";
    private static final Logger LOG = LoggerFactory.getLogger(CaseSteps.class);

    /** Done after the transaction commits: plugin events to publish, dispatches to announce. */
    static final class Effects {
        final List<CaseEvent> events = new ArrayList<>();
        final List<UUID> dispatches = new ArrayList<>();
    }

    /** How a dispatch's outbox rows are written. */
    enum Outbox {
        /** Pending, for delivery now (the live platform). */
        LIVE,
        /**
         * Already settled at the time of the dispatch (the demo history): delivered to a department
         * with a connector, unrouted for one that works in the platform. Nothing is delivered now.
         */
        SETTLED
    }

    private final PluginHooks plugins;
    private final Outbox outbox;

    CaseSteps(PluginHooks plugins) {
        this(plugins, Outbox.LIVE);
    }

    CaseSteps(PluginHooks plugins, Outbox outbox) {
        this.plugins = plugins;
        this.outbox = outbox;
    }

    /**
     * The case of the session's tenant with this id. Loaded by id with the tenant filter bypassed (with the
     * filter on, Hibernate builds the loader afresh on every call, and this runs on every step); the tenant is
     * checked here, so another tenant's id is "no such case".
     */
    static CaseEntity load(Session s, UUID caseId) {
        CaseEntity c = TenantFilter.bypassed(s, () -> s.find(CaseEntity.class, caseId));
        if (c == null || !c.tenantId.equals(s.getTenantIdentifier())) {
            throw new NotFoundException("案件不存在 (no such case): " + caseId);
        }
        return c;
    }

    /**
     * Takes step {@code cmd} on the loaded row {@code c} at {@code now} and writes its outcome. A registration
     * in a district with auto-dispatch (自动派单, ADR 0033) that proposed a dispatch is followed, in the same
     * transaction, by that dispatch as {@link #AUTO_DISPATCH}; a plugin guard that refuses it (or a proposal
     * the district can no longer take) leaves the case registered for the dispatcher.
     */
    void apply(Session s, TenantDefinition tenant, CaseEntity c, TransitionCommand cmd, Instant now,
               Set<String> models, Effects effects) {
        ResponsibilityList list = cmd.action() == CaseAction.REGISTER
                ? HibernateResponsibilityLists.current(s, tenant) : ResponsibilityList.EMPTY;
        step(s, tenant, c, cmd, now, models, effects, list);
        if (list.autoDispatch() && c.proposedLead != null
                && CaseLifecycle.canPerform(c.status, CaseAction.DISPATCH)) {
            TransitionCommand dispatch = new TransitionCommand(CaseAction.DISPATCH, AUTO_DISPATCH,
                    "按责任清单自动派单 (dispatched by the responsibility list)", List.of(), null, List.of(), null,
                    null, null, null);
            try {
                step(s, tenant, c, dispatch, now, models, effects, list);
            } catch (StepRefusedException e) {
                LOG.info("Auto-dispatch of case {} of {} refused by model {}; left registered", c.number, tenant.id(),
                        e.model());
            } catch (ValidationException e) {
                LOG.warn("Auto-dispatch of case {} of {} not possible ({}: {}); left registered", c.number, tenant.id(),
                        e.field(), e.getMessage());
            }
        }
    }

    private void step(Session s, TenantDefinition tenant, CaseEntity c, TransitionCommand cmd, Instant now,
                      Set<String> models, Effects effects, ResponsibilityList list) {
        if (c.transferState != null && !(cmd.action() == CaseAction.COMMENT && "PENDING".equals(c.transferState))) {
            // a case awaiting another district's answer, or handed over to it (跨区转办, ADR 0037)
            throw new ConflictException("PENDING".equals(c.transferState)
                    ? "案件已转办，待对方区答复 (the case awaits another district's answer to its transfer)"
                    : "案件已转办至他区办理 (the case was transferred to another district)");
        }
        StepOutcome step = new CaseWorkflow(tenant).apply(CaseRows.record(c), cmd, now, hooks(s, tenant, models, list));
        CaseRows.write(step.after().state(), c);
        JournalEntity entry = journal(c.id, lastJournalSeq(s, c.id) + 1, step.journal());
        s.persist(entry);
        HibernateEvidenceRecords.attach(s, "attachments", cmd.attachments(), cmd.actor(), c.id, entry.seq);
        s.flush();
        if (!step.dispatches().isEmpty()) {
            List<UUID> written = writeDispatches(s, tenant, c, step.after(), step.dispatches(), now);
            if (outbox == Outbox.LIVE) {
                effects.dispatches.addAll(written);
            }
        } else if (step.cancelDispatches()) {
            OutboxRows.cancelPending(s, tenant.id(), c.id);
        }
        if (step.action() == CaseAction.CLOSE && HotlineReply.due(tenant, step.after())) {
            UUID reply = writeReply(s, tenant, c, step, now);
            if (outbox == Outbox.LIVE) {
                effects.dispatches.add(reply);
            }
        }
        effects.events.add(new CaseEvent(facts(tenant, step.after()), c.id.toString(), step.action().wireName(),
                WireNames.of(step.from()), WireNames.of(step.to()), step.journal().actor(), now));
    }

    /**
     * The dispatch proposed for a case just reported (派单建议 at intake, before registration recomputes it):
     * the district's list in force and the plugins' triage, or null when neither names a lead.
     */
    DispatchProposal proposal(Session s, TenantDefinition tenant, CaseEntity c, Set<String> models) {
        CaseRecord r = CaseRows.record(c);
        Optional<Triage> triage = plugins.triage(models, facts(tenant, r)).map(t -> new Triage(t.model(), t.decision()));
        return Routing.propose(tenant, HibernateResponsibilityLists.current(s, tenant), r, triage).orElse(null);
    }

    /** The plugins of the district's enabled models and its mode, as the workflow asks for them. */
    private StepHooks hooks(Session s, TenantDefinition tenant, Set<String> models, ResponsibilityList list) {
        return new StepHooks() {
            @Override
            public ResponsibilityList responsibilities() {
                return list;
            }

            @Override
            public void guard(CaseRecord c, CaseAction action) {
                plugins.check(models, facts(tenant, c), c.report().id().toString(), action.wireName());
            }

            @Override
            public OperatingMode mode() {
                return ModeRows.mode(s, tenant.id());
            }

            @Override
            public Optional<Triage> triage(CaseRecord c) {
                return plugins.triage(models, facts(tenant, c)).map(t -> new Triage(t.model(), t.decision()));
            }
        };
    }

    private List<UUID> writeDispatches(Session s, TenantDefinition tenant, CaseEntity c, CaseRecord after,
                                       List<DispatchOrder> orders, Instant now) {
        List<UUID> ids = new ArrayList<>();
        List<Notice> notices = new ArrayList<>();
        for (DispatchOrder order : orders) {
            UUID id = UUID.randomUUID();
            String payload = JsonText.write(order.payload(tenant, after, id));
            if (outbox == Outbox.LIVE) {
                OutboxRows.insert(s, id, tenant.id(), c, order.department(), order.lead(), payload, now);
                notices.add(DispatchNotices.dispatched(tenant, after, order, id));
            } else {
                boolean connected = tenant.department(order.department()).map(d -> d.connector() != null).orElse(false);
                OutboxRows.insertSettled(s, id, tenant.id(), c, order.department(), order.lead(), payload, now, connected);
            }
            ids.add(id);
        }
        if (!notices.isEmpty()) {
            NoticeRows.enqueueAll(s, notices, now, tenant);
        }
        return ids;
    }

    /**
     * The reply to the hotline (12345 回复) of a ticket's case just closed: the result text is the close's
     * public note, else the newest public note on the case, else {@link HotlineReply#DEFAULT_RESULT}.
     */
    private UUID writeReply(Session s, TenantDefinition tenant, CaseEntity c, StepOutcome step, Instant now) {
        String newest = s.createSelectionQuery("select j.publicNote from JournalEntity j where j.caseId = :id "
                        + "and j.publicNote is not null order by j.seq desc", String.class)
                .setParameter("id", c.id).setMaxResults(1).uniqueResultOptional().orElse(null);
        UUID id = UUID.randomUUID();
        String payload = JsonText.write(HotlineReply.payload(tenant, step.after(),
                HotlineReply.result(step.journal().publicNote(), newest), id));
        if (outbox == Outbox.LIVE) {
            OutboxRows.insert(s, id, tenant.id(), c, HotlineMapping.REPLY_DEPARTMENT, false, payload, now);
        } else {
            OutboxRows.insertSettled(s, id, tenant.id(), c, HotlineMapping.REPLY_DEPARTMENT, false, payload, now, true);
        }
        return id;
    }

    /**
     * The number of case {@code caseId}'s last journal entry (0 for none), in plain SQL: no tenant filter (case ids
     * are unique across districts; ADR 0042) and no flush first (a journal entry's key is an identity column, so
     * Hibernate inserts it at {@code persist} and none can be waiting for a flush).
     */
    static int lastJournalSeq(Session s, UUID caseId) {
        return s.createNativeQuery("select coalesce(max(seq), 0) from case_journal where case_id = :id", Integer.class)
                .setQueryFlushMode(QueryFlushMode.NO_FLUSH)
                .setParameter("id", caseId).getSingleResult();
    }

    /** What plugins are told of a case. */
    static CaseFacts facts(TenantDefinition tenant, CaseRecord c) {
        String defaultTier = tenant.category(c.report().categoryCode()).map(cd -> cd.tier().wireName())
                .orElse(c.state().tier().wireName());
        return CorePluginTenants.caseFacts(tenant, c.report().number(), c.report().categoryCode(), defaultTier,
                c.report().gridCode(), c.report().channel(), c.report().title(), c.report().reportedAt(),
                c.state().leadDepartment());
    }

    static JournalEntity journal(UUID caseId, int seq, JournalRecord r) {
        JournalEntity j = new JournalEntity();
        j.caseId = caseId;
        j.seq = seq;
        j.action = r.action();
        j.from = r.from();
        j.to = r.to();
        j.actor = r.actor();
        j.at = r.at();
        j.note = r.note();
        j.publicNote = r.publicNote();
        j.attachments = new ArrayList<>(r.attachments());
        return j;
    }

    /** The journal's first entry: the report itself (no action, no previous status). */
    static JournalEntity reported(CaseEntity c, String actor) {
        return journal(c.id, 1, new JournalRecord(null, null, CaseStatus.REPORTED, CaseWorkflow.actor(actor),
                c.reportedAt, c.description, null, c.attachments));
    }
}
