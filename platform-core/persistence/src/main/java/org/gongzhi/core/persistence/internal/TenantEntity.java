package org.gongzhi.core.persistence.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A district row: the anchor every tenant-owned row references. */
@Entity
@Table(name = "tenant")
public class TenantEntity {

    @Id
    private String id;
    @Column(nullable = false)
    private String name;
    @Column(name = "name_en")
    private String nameEn;
    private String city;
    @Column(name = "admin_code", nullable = false, columnDefinition = "bpchar(6)")
    private String adminCode;
    @Column(nullable = false)
    private String status = "ACTIVE";
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "status_changed_at")
    private Instant statusChangedAt;
    @Column(name = "status_reason")
    private String statusReason;

    protected TenantEntity() {
    }

    TenantEntity(String id, Instant createdAt) {
        this.id = id;
        this.createdAt = createdAt;
    }

    void describe(String name, String nameEn, String city, String adminCode) {
        this.name = name;
        this.nameEn = nameEn;
        this.city = city;
        this.adminCode = adminCode;
    }

    String id() {
        return id;
    }

    String status() {
        return status;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant statusChangedAt() {
        return statusChangedAt;
    }

    String statusReason() {
        return statusReason;
    }

    /** Moves to {@code next} (ACTIVE, SUSPENDED or DELETED) with an optional reason. */
    void changeStatus(String next, String reason, Instant at) {
        this.status = next;
        this.statusReason = reason;
        this.statusChangedAt = at;
    }
}
