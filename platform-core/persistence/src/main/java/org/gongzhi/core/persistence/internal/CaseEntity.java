package org.gongzhi.core.persistence.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.gongzhi.core.casework.CaseStatus;
import org.gongzhi.core.casework.SlaTier;
import org.hibernate.annotations.TenantId;

/**
 * A case row (事件). Storage only: {@link CaseRows} maps it to the workflow's
 * {@code org.gongzhi.core.casework.workflow.CaseRecord} and writes a step's outcome back; the
 * tenant discriminator is filled and filtered by Hibernate, never by hand.
 */
@Entity
@Table(name = "case_record")
public class CaseEntity {

    @Id
    UUID id;
    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    String tenantId;
    @Column(name = "case_number", nullable = false, updatable = false)
    String number;
    @Column(nullable = false)
    String title;
    String description;
    @Column(name = "category_code", nullable = false)
    String categoryCode;
    @Column(nullable = false)
    String family;
    @Column(nullable = false)
    String channel;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    CaseStatus status;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    SlaTier tier;
    @Column(name = "grid_code")
    String gridCode;
    @Column(name = "grid_path")
    String gridPath;
    Double longitude;
    Double latitude;
    String address;
    @Column(name = "reporter_name")
    String reporterName;
    @Column(name = "reporter_phone")
    String reporterPhone;
    @Column(name = "reporter_subject", updatable = false)
    String reporterSubject;
    @Column(name = "reporter_email")
    String reporterEmail;
    @Column(name = "address_id")
    String addressId;
    /** Whether the public may see the case (Open311); decided at intake. */
    @Column(name = "public_case", nullable = false)
    boolean publicCase;
    @Column(nullable = false)
    List<String> attachments = new ArrayList<>();
    @Column(name = "lead_department")
    String leadDepartment;
    @Column(name = "co_departments", nullable = false)
    List<String> coDepartments = new ArrayList<>();
    @Column(name = "reported_at", nullable = false)
    Instant reportedAt;
    @Column(name = "registered_at")
    Instant registeredAt;
    @Column(name = "dispatched_at")
    Instant dispatchedAt;
    @Column(name = "feedback_at")
    Instant feedbackAt;
    @Column(name = "closed_at")
    Instant closedAt;
    @Column(name = "due_at")
    Instant dueAt;
    @Column(name = "warning_at")
    Instant warningAt;
    @Column(name = "closed_on_time")
    Boolean closedOnTime;
    @Column(name = "rework_count", nullable = false)
    int reworkCount;
    @Column(name = "postpone_count", nullable = false)
    int postponeCount;
    @Column(name = "reopen_count", nullable = false)
    int reopenCount;
    Short satisfaction;
    @Column(name = "triage_model")
    String triageModel;
    /** The deciding plugin's attributes (e.g. colour) as a JSON object. */
    @Column(name = "triage_attributes")
    String triageAttributes;
    @Column(name = "triage_copy_competent", nullable = false)
    boolean triageCopyCompetent;
    /** Registered in wartime: the due time came from the emergency plan (V14; kept after switching back). */
    @Column(nullable = false)
    boolean wartime;
    /** The lead department its registration proposed (V23, 派单建议), or null. */
    @Column(name = "proposed_lead")
    String proposedLead;
    /** The co-handling departments its registration proposed (V23). */
    @Column(name = "proposed_co", nullable = false)
    List<String> proposedCo = new ArrayList<>();
    /** The tier proposed with it (V23). */
    @Enumerated(EnumType.STRING)
    @Column(name = "proposed_tier")
    SlaTier proposedTier;
    /** Where the proposal came from: list, triage:&lt;model&gt; or list+triage:&lt;model&gt; (V23). */
    @Column(name = "proposal_source")
    String proposalSource;
    /** Routed straight to the command post at intake (V14). */
    @Column(name = "command_post", nullable = false)
    boolean commandPost;
    @Column(name = "idempotency_key", updatable = false)
    String idempotencyKey;
    /** Whose key space {@link #idempotencyKey} is in (the caller's subject, or the intake's name). */
    @Column(name = "idempotency_scope", updatable = false)
    String idempotencyScope;
    /** The two-character pieces of title and address, computed by PostgreSQL (V10); only searched, never written. */
    @Column(name = "text_bigrams", insertable = false, updatable = false)
    List<String> textBigrams;
    /** The reporter's phone as digits, its last 11, computed by PostgreSQL (V28); only searched, never written. */
    @Column(name = "reporter_phone_key", insertable = false, updatable = false)
    String reporterPhoneKey;
    /** PENDING while a transfer awaits the receiver, SENT once it took the case over (V27); written by transfers only. */
    @Column(name = "transfer_state", insertable = false, updatable = false)
    String transferState;
    /** The person of the district who holds the case now (V25, 承办人), or null. */
    @Column(name = "assignee")
    String assignee;
    /** When {@link #assignee} took it (V25). */
    @Column(name = "assigned_at")
    Instant assignedAt;
    /** The 0.002° cell of the coordinates (V24), computed by PostgreSQL; only searched, never written. */
    @Column(name = "geo_cell", insertable = false, updatable = false)
    Long geoCell;
    /** SHA-256 of the reporter's phone, digits only (V24); compared for repeat complaints. */
    @Column(name = "phone_hash", updatable = false)
    String phoneHash;
    /** FLAGGED, MERGED, DISMISSED or null (V24, ADR 0034). */
    @Column(name = "duplicate_state")
    String duplicateState;
    @Column(name = "duplicate_score")
    Float duplicateScore;
    /** The candidates as a JSON array (V24). */
    @Column(name = "duplicate_candidates")
    String duplicateCandidates;
    /** The master this case was merged into (V24), or null. */
    @Column(name = "merged_into")
    UUID mergedInto;
    /** 第N次反映 (V24): 1 for a first report. */
    @Column(name = "repeat_number", nullable = false)
    int repeatNumber = 1;
    @Version
    long version;
}
