package org.gongzhi.core.persistence.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.gongzhi.core.casework.CaseAction;
import org.gongzhi.core.casework.CaseStatus;
import org.hibernate.annotations.TenantId;

/** One journaled transition of a case (流转记录); written once, never updated. */
@Entity
@Table(name = "case_journal")
public class JournalEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    String tenantId;
    @Column(name = "case_id", nullable = false, updatable = false)
    UUID caseId;
    @Column(nullable = false, updatable = false)
    int seq;
    @Column(name = "occurred_at", nullable = false, updatable = false)
    Instant at;
    @Column(nullable = false, updatable = false)
    String actor;
    /** Null for the intake entry (上报), which has no action of the loop. */
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    CaseAction action;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", updatable = false)
    CaseStatus from;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, updatable = false)
    CaseStatus to;
    /** Internal note (staff only). */
    @Column(updatable = false)
    String note;
    /** The text for the public, or null: the only note the public endpoint shows. */
    @Column(name = "public_note", updatable = false)
    String publicNote;
    @Column(nullable = false, updatable = false)
    List<String> attachments = new ArrayList<>();
}
