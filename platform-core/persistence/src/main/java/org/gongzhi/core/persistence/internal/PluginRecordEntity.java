package org.gongzhi.core.persistence.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.TenantId;

/** One record of a plugin's collection; tenant discriminated like every tenant-owned row. */
@Entity
@Table(name = "plugin_record")
public class PluginRecordEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long pk;
    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    String tenantId;
    @Column(nullable = false, updatable = false)
    String model;
    @Column(nullable = false, updatable = false)
    String collection;
    @Column(name = "record_id", nullable = false, updatable = false)
    String recordId;
    @Column(nullable = false)
    long version;
    @Column(nullable = false)
    String data;
    @Column(nullable = false)
    List<String> refs = new ArrayList<>();
    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;
}
