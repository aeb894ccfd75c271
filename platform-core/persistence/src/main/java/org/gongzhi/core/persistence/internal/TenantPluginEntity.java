package org.gongzhi.core.persistence.internal;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** Whether a tenant enabled a model (seeded from its definition, changed by city admins). */
@Entity
@Table(name = "tenant_plugin")
@IdClass(TenantPluginEntity.Key.class)
public class TenantPluginEntity {

    @Id
    @Column(name = "tenant_id")
    String tenantId;
    @Id
    String model;
    @Column(nullable = false)
    boolean enabled;
    @Column(name = "changed_at", nullable = false)
    Instant changedAt;

    /** Composite key. */
    public record Key(String tenantId, String model) implements Serializable {
    }
}
