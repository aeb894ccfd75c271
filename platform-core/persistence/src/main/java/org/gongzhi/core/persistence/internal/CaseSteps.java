package org.gongzhi.core.persistence.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.gongzhi.core.casework.CaseAction;
import org.gongzhi.core.casework.CaseLifecycle;
import org.gongzhi.core.casework.CaseStatus;
import org.gongzhi.core.casework.WireNames;
import org.gongzhi.core.service.NotFoundException;
import org.gongzhi.core.service.OperatingMode;
import org.gongzhi.core.service.TransitionCommand;
import org.gongzhi.core.tenant.TenantDefinition;
import org.gongzhi.plugin.api.CaseEvent;
import org.gongzhi.plugin.api.CaseFacts;
import org.hibernate.Session;

/**
 * One step of the closed loop inside an open session: checks the transition and the plugins'
 * guards, applies it, journals it and keeps the dispatch outbox in step (a dispatch writes one
 * outbox row per department; a return cancels rows not yet delivered). What must happen after
 * the commit is collected in {@link Effects}.
 */
final class CaseSteps {

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
     * The case of the session's tenant with this id. Loaded by id rather than by a query (Hibernate
     * translates every query afresh when the tenant filter is on, and this runs on every step); the
     * tenant is checked here as well, so another tenant's id is "no such case" whatever the loader does.
     */
    static CaseEntity load(Session s, UUID caseId) {
        CaseEntity c = s.find(CaseEntity.class, caseId);
        if (c == null || !c.tenantId.equals(s.getTenantIdentifier())) {
            throw new NotFoundException("案件不存在 (no such case): " + caseId);
        }
        return c;
    }

    /** Applies {@code cmd} to {@code c} at {@code now} and journals it. */
    void apply(Session s, TenantDefinition tenant, CaseEntity c, TransitionCommand cmd, Instant now,
               Set<String> models, Effects effects) {
        CaseStatus from = c.status;
        CaseLifecycle.next(from, cmd.action());
        plugins.check(models, facts(tenant, c), c.id.toString(), cmd.action().wireName());
        boolean register = cmd.action() == CaseAction.REGISTER;
        OperatingMode mode = register ? ModeRows.mode(s, tenant.id()) : OperatingMode.NORMAL; // the clock starts now
        Optional<PluginHooks.Triage> triage = register && cmd.tier() == null
                ? plugins.triage(models, facts(tenant, c)) : Optional.empty();
        triage.ifPresent(t -> TriageRecord.apply(c, t));
        new CaseWorkflow(tenant, mode).apply(c, cmd, now, triage.map(PluginHooks.Triage::decision));
        Integer last = s.createSelectionQuery("select max(j.seq) from JournalEntity j where j.caseId = :id", Integer.class)
                .setParameter("id", c.id).getSingleResult();
        JournalEntity entry = journal(c, last == null ? 1 : last + 1, cmd.action(), from, c.status, cmd.actor(), now,
                cmd.note(), cmd.attachments());
        entry.publicNote = CaseIntake.publicNote(cmd.publicNote());
        s.persist(entry);
        HibernateEvidenceRecords.attach(s, "attachments", cmd.attachments(), cmd.actor(), c.id, entry.seq);
        s.flush();
        if (cmd.action() == CaseAction.DISPATCH) {
            List<UUID> written = writeDispatches(s, tenant, c, now);
            if (outbox == Outbox.LIVE) {
                effects.dispatches.addAll(written);
            }
        } else if (cmd.action() == CaseAction.RETURN) {
            OutboxRows.cancelPending(s, tenant.id(), c.id);
        }
        effects.events.add(new CaseEvent(facts(tenant, c), c.id.toString(), cmd.action().wireName(),
                WireNames.of(from), WireNames.of(c.status), actor(cmd.actor()), now));
    }

    private List<UUID> writeDispatches(Session s, TenantDefinition tenant, CaseEntity c, Instant now) {
        List<UUID> ids = new ArrayList<>();
        List<String> departments = new ArrayList<>();
        departments.add(c.leadDepartment);
        departments.addAll(c.coDepartments);
        for (String department : departments) {
            UUID id = UUID.randomUUID();
            boolean lead = department.equals(c.leadDepartment);
            String payload = JsonText.write(payload(tenant, c, id, department, lead));
            if (outbox == Outbox.LIVE) {
                OutboxRows.insert(s, id, tenant.id(), c, department, lead, payload, now);
            } else {
                boolean connected = tenant.department(department).map(d -> d.connector() != null).orElse(false);
                OutboxRows.insertSettled(s, id, tenant.id(), c, department, lead, payload, now, connected);
            }
            ids.add(id);
        }
        return ids;
    }

    /** The dispatch as department systems receive it (case facts at dispatch time, no personal data of the reporter). */
    private static Map<String, Object> payload(TenantDefinition tenant, CaseEntity c, UUID dispatchId, String department,
                                               boolean lead) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("dispatchId", dispatchId.toString());
        p.put("tenant", tenant.id());
        p.put("department", department);
        p.put("role", lead ? "lead" : "co");
        p.put("caseId", c.id.toString());
        p.put("caseNumber", c.number);
        p.put("title", c.title);
        p.put("description", c.description);
        p.put("categoryCode", c.categoryCode);
        p.put("categoryName", tenant.category(c.categoryCode).map(cd -> cd.name()).orElse(null));
        p.put("tier", c.tier == null ? null : c.tier.wireName());
        p.put("channel", c.channel);
        p.put("gridCode", c.gridCode);
        p.put("address", c.address);
        p.put("longitude", c.longitude);
        p.put("latitude", c.latitude);
        p.put("leadDepartment", c.leadDepartment);
        p.put("coDepartments", List.copyOf(c.coDepartments));
        p.put("dueAt", c.dueAt == null ? null : c.dueAt.toString());
        p.put("dispatchedAt", c.dispatchedAt.toString());
        p.put("attachments", List.copyOf(c.attachments));
        return p;
    }

    static CaseFacts facts(TenantDefinition tenant, CaseEntity c) {
        String defaultTier = tenant.category(c.categoryCode).map(cd -> cd.tier().wireName()).orElse(c.tier.wireName());
        return CorePluginTenants.caseFacts(tenant, c.number, c.categoryCode, defaultTier, c.gridCode, c.channel,
                c.title, c.reportedAt, c.leadDepartment);
    }

    static JournalEntity journal(CaseEntity c, int seq, CaseAction action, CaseStatus from, CaseStatus to, String actor,
                                 Instant at, String note, List<String> attachments) {
        JournalEntity j = new JournalEntity();
        j.caseId = c.id;
        j.seq = seq;
        j.action = action;
        j.from = from;
        j.to = to;
        j.actor = actor(actor);
        j.at = at;
        j.note = note;
        j.attachments = new ArrayList<>(attachments);
        return j;
    }

    static String actor(String actor) {
        return actor == null || actor.isBlank() ? "anonymous" : actor;
    }
}
