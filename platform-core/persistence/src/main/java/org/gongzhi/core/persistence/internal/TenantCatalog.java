package org.gongzhi.core.persistence.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.gongzhi.core.service.TenantDirectory;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.tenant.TenantDefinition;
import org.gongzhi.core.tenant.TenantDefinitionReader;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the district definitions from {@code tenants/} at start, records each district in the
 * database, and serves them. Registered only when loading succeeded: its presence is what makes
 * the platform ready.
 */
@Component(service = TenantDirectory.class, configurationPid = "org.gongzhi.tenants")
@Designate(ocd = TenantCatalog.Config.class)
public final class TenantCatalog implements TenantDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(TenantCatalog.class);

    @ObjectClassDefinition(name = "Gongzhi tenants", description = "Where the district definitions are read from")
    public @interface Config {
        @AttributeDefinition(description = "Directory of tenant definitions; empty = ${karaf.home}/tenants")
        String directory() default "";
    }

    private final Map<String, TenantDefinition> tenants;
    private final Database db;
    /** Enabled models per tenant, as in table tenant_plugin; replaced whole on every change. */
    private final Map<String, Set<String>> enabled = new ConcurrentHashMap<>();

    @Activate
    public TenantCatalog(@Reference PersistenceRuntime runtime, Config config) {
        this(runtime.database(), directory(config));
    }

    TenantCatalog(Database db, Path root) {
        this.db = db;
        List<TenantDefinition> definitions = Files.isDirectory(root) ? new TenantDefinitionReader().readAll(root) : List.of();
        if (definitions.isEmpty()) {
            LOG.warn("No tenant definitions found under {}", root);
        }
        for (TenantDefinition t : definitions) {
            record(db, t);
            enabled.put(t.id(), seedModels(db, t));
        }
        this.tenants = definitions.stream().collect(Collectors.toUnmodifiableMap(TenantDefinition::id, Function.identity()));
        LOG.info("Serving {} districts from {}: {}", tenants.size(), root, tenants.keySet());
    }

    private static Path directory(Config config) {
        if (!config.directory().isBlank()) {
            return Path.of(config.directory());
        }
        return Path.of(System.getProperty("karaf.home", "."), "tenants");
    }

    private static void record(Database db, TenantDefinition t) {
        db.inTenant(t.id(), session -> {
            TenantEntity row = session.find(TenantEntity.class, t.id());
            boolean added = row == null;
            if (added) {
                row = new TenantEntity(t.id(), Instant.now());
            }
            row.describe(t.name(), t.nameEn(), t.city(), t.adminCode());
            if (added) {
                session.persist(row);
            }
            return row;
        });
    }

    /** The tenant's enabled models; the definition's list seeds the table the first time only. */
    private static Set<String> seedModels(Database db, TenantDefinition t) {
        return db.inTenant(t.id(), session -> {
            List<TenantPluginEntity> rows = session.createSelectionQuery(
                    "from TenantPluginEntity where tenantId = :t", TenantPluginEntity.class)
                    .setParameter("t", t.id()).getResultList();
            if (rows.isEmpty()) {
                for (String model : t.plugins()) {
                    rows.add(row(t.id(), model, true));
                    session.persist(rows.get(rows.size() - 1));
                }
            }
            return rows.stream().filter(r -> r.enabled).map(r -> r.model).collect(Collectors.toUnmodifiableSet());
        });
    }

    private static TenantPluginEntity row(String tenant, String model, boolean on) {
        TenantPluginEntity row = new TenantPluginEntity();
        row.tenantId = tenant;
        row.model = model;
        row.enabled = on;
        row.changedAt = Instant.now();
        return row;
    }

    @Override
    public Set<String> enabledModels(String tenantId) {
        return tenantId == null ? Set.of() : enabled.getOrDefault(tenantId, Set.of());
    }

    @Override
    public void setModelEnabled(String tenantId, String modelId, boolean on) {
        require(tenantId);
        if (modelId == null || !HibernatePluginStorage.MODEL.matcher(modelId).matches()) {
            throw new ValidationException("model", "插件编号格式不正确 (malformed model id): " + modelId);
        }
        db.inTenant(tenantId, session -> session.merge(row(tenantId, modelId, on)));
        enabled.compute(tenantId, (t, models) -> {
            Set<String> next = new HashSet<>(models == null ? Set.of() : models);
            if (on) {
                next.add(modelId);
            } else {
                next.remove(modelId);
            }
            return Set.copyOf(next);
        });
        LOG.info("Model {} {} for district {}", modelId, on ? "enabled" : "disabled", tenantId);
    }

    @Override
    public List<TenantDefinition> tenants() {
        return tenants.values().stream().sorted((a, b) -> a.adminCode().compareTo(b.adminCode())).toList();
    }

    @Override
    public Optional<TenantDefinition> find(String tenantId) {
        return tenantId == null ? Optional.empty() : Optional.ofNullable(tenants.get(tenantId));
    }
}
