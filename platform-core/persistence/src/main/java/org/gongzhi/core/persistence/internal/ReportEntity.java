package org.gongzhi.core.persistence.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.TenantId;

/** An archived report; listings project the metadata, so the content is read only when asked for. */
@Entity
@Table(name = "report_archive")
public class ReportEntity {

    @Id
    UUID id;
    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    String tenantId;
    @Column(nullable = false, updatable = false)
    String kind;
    @Column(nullable = false, updatable = false)
    String period;
    @Column(nullable = false, updatable = false)
    String format;
    @Column(nullable = false, updatable = false)
    String title;
    @Column(name = "generated_at", nullable = false, updatable = false)
    Instant generatedAt;
    @Column(name = "generated_by", nullable = false, updatable = false)
    String generatedBy;
    @Column(name = "size_bytes", nullable = false, updatable = false)
    int sizeBytes;
    @Column(nullable = false, updatable = false)
    byte[] content;
}
