package org.gongzhi.core.persistence.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.gongzhi.core.service.ConflictException;
import org.gongzhi.core.service.IdentityUnavailableException;
import org.gongzhi.core.service.NotFoundException;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.tenants.IdentityProvisioning;
import org.gongzhi.core.service.tenants.ProvisioningReport;
import org.gongzhi.core.service.tenants.TenantAdministration;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.service.tenants.TenantInfo.IdentityState;
import org.gongzhi.core.service.tenants.TenantInfo;
import org.gongzhi.core.service.tenants.TenantStatus;
import org.gongzhi.core.tenant.TenantDefinition;
import org.gongzhi.core.tenant.TenantDefinitionException;
import org.gongzhi.core.tenant.TenantDefinitionReader;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The districts: loads their definitions from {@code tenants/} at start, keeps their lifecycle in
 * table {@code tenant}, and serves them. Registered only when loading succeeded: its presence is
 * what makes the platform ready.
 *
 * <p>At start, a definition with no row yet becomes a district when {@code autoCreate} is on (the
 * demo); a deleted district stays deleted. Creating a district provisions its identity realm
 * through {@link IdentityProvisioning} when that service is present.
 */
@Component(service = {TenantDirectory.class, TenantAdministration.class}, configurationPid = "org.gongzhi.tenants")
@Designate(ocd = TenantCatalog.Config.class)
public final class TenantCatalog implements TenantDirectory, TenantAdministration {

    private static final Logger LOG = LoggerFactory.getLogger(TenantCatalog.class);

    @ObjectClassDefinition(name = "Gongzhi tenants", description = "Where the district definitions are read from")
    public @interface Config {
        @AttributeDefinition(description = "Directory of tenant definitions; empty = ${karaf.home}/tenants")
        String directory() default "";

        @AttributeDefinition(description = "At start, create a district for every definition that has never been one")
        boolean autoCreate() default true;
    }

    /** A served district: its definition and lifecycle row. */
    private record Served(TenantDefinition definition, TenantStatus status, Instant createdAt, Instant changedAt,
                          String reason) {
    }

    private final Path root;
    private final Database db;
    private final TenantRows rows;
    private final Clock clock;
    private final TrustedRealms trusted;
    private final Map<String, Served> served = new ConcurrentHashMap<>();
    /** Enabled models per tenant, as in table tenant_plugin; replaced whole on every change. */
    private final Map<String, Set<String>> enabled = new ConcurrentHashMap<>();
    private final Map<String, IdentityState> identity = new ConcurrentHashMap<>();
    private volatile IdentityProvisioning provisioning;

    @Activate
    public TenantCatalog(@Reference PersistenceRuntime runtime, Config config,
                         @Reference(cardinality = ReferenceCardinality.OPTIONAL) ConfigurationAdmin configAdmin) {
        this(runtime.database(), directory(config), config.autoCreate(), Clock.systemUTC(),
                configAdmin == null ? null : new TrustedRealms(configAdmin));
    }

    /** Every definition under {@code root} becomes a district; no identity realms. */
    TenantCatalog(Database db, Path root) {
        this(db, root, true, Clock.systemUTC(), null);
    }

    TenantCatalog(Database db, Path root, boolean autoCreate, Clock clock, TrustedRealms trusted) {
        this.db = db;
        this.root = root;
        this.rows = new TenantRows(db);
        this.clock = clock;
        this.trusted = trusted;
        List<TenantDefinition> definitions = Files.isDirectory(root) ? new TenantDefinitionReader().readAll(root) : List.of();
        Map<String, TenantEntity> known = rows.all();
        for (TenantDefinition t : definitions) {
            TenantEntity row = known.get(t.id());
            boolean deleted = row != null && TenantRows.DELETED.equals(row.status());
            if (deleted || row == null && !autoCreate) {
                continue;
            }
            serve(t, rows.upsert(t, clock.instant()));
        }
        known.values().stream()
                .filter(r -> !TenantRows.DELETED.equals(r.status()) && !served.containsKey(r.id()))
                .forEach(r -> LOG.warn("District {} has no definition under {}: not served", r.id(), root));
        if (served.isEmpty()) {
            LOG.warn("No districts served from {}", root);
        }
        LOG.info("Serving {} districts from {}: {}", served.size(), root, new TreeSet<>(served.keySet()));
        trustServed();
        NoticeRows.districts(this); // notices resolve their recipients through the districts served here
    }

    private static Path directory(Config config) {
        if (!config.directory().isBlank()) {
            return Path.of(config.directory());
        }
        return Path.of(System.getProperty("karaf.home", "."), "tenants");
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindProvisioning(IdentityProvisioning p) {
        provisioning = p;
    }

    void unbindProvisioning(IdentityProvisioning p) {
        if (provisioning == p) {
            provisioning = null;
        }
    }

    private void serve(TenantDefinition t, TenantEntity row) {
        enabled.put(t.id(), seedModels(db, t));
        served.put(t.id(), new Served(t, TenantStatus.valueOf(row.status()), row.createdAt(), row.statusChangedAt(),
                row.statusReason()));
    }

    private void trustServed() {
        if (trusted != null) {
            trusted.trust(served.keySet());
        }
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

    // ---- TenantDirectory ----

    @Override
    public Set<String> enabledModels(String tenantId) {
        return tenantId == null || !served.containsKey(tenantId) ? Set.of() : enabled.getOrDefault(tenantId, Set.of());
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
        return served.values().stream().map(Served::definition)
                .sorted(Comparator.comparing(TenantDefinition::adminCode)).toList();
    }

    @Override
    public Optional<TenantDefinition> find(String tenantId) {
        return tenantId == null ? Optional.empty() : Optional.ofNullable(served.get(tenantId)).map(Served::definition);
    }

    @Override
    public Optional<TenantStatus> status(String tenantId) {
        return tenantId == null ? Optional.empty() : Optional.ofNullable(served.get(tenantId)).map(Served::status);
    }

    // ---- TenantAdministration ----

    @Override
    public List<String> availableDefinitions() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(d -> Files.isRegularFile(d.resolve(TenantDefinitionReader.TENANT_FILE)))
                    .map(d -> d.getFileName().toString())
                    .filter(id -> !TenantDefinitionReader.COMMON_DIR.equals(id) && !served.containsKey(id))
                    .sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public synchronized TenantInfo create(String id) {
        if (id == null || !TenantDefinition.ID.matcher(id).matches()
                || !Files.isRegularFile(root.resolve(id).resolve(TenantDefinitionReader.TENANT_FILE))) {
            throw new NotFoundException("没有该租户定义 (no such tenant definition): " + id);
        }
        return createFrom(root.resolve(id));
    }

    @Override
    public synchronized TenantInfo create(String id, Map<String, String> files) {
        if (served.containsKey(id)) {
            throw new ConflictException("id", "租户已存在 (district exists): " + id);
        }
        Path dir = DefinitionFiles.write(root, id, files);
        try {
            return createFrom(dir);
        } catch (RuntimeException e) {
            DefinitionFiles.remove(dir);
            throw e;
        }
    }

    private TenantInfo createFrom(Path dir) {
        TenantDefinition t = read(dir);
        if (served.containsKey(t.id())) {
            throw new ConflictException("id", "租户已存在 (district exists): " + t.id());
        }
        serve(t, rows.upsert(t, clock.instant()));
        trustServed();
        LOG.info("District {} ({}) created", t.id(), t.name());
        IdentityProvisioning p = provisioning;
        if (p == null) {
            identity.put(t.id(), new IdentityState("NOT_CONFIGURED", "", null));
        } else {
            provisionQuietly(p, t);
        }
        return show(t.id());
    }

    private static TenantDefinition read(Path dir) {
        try {
            return new TenantDefinitionReader().read(dir);
        } catch (TenantDefinitionException e) {
            Path file = e.file() == null ? null : e.file().getFileName();
            throw new ValidationException(file == null ? "definition" : file + (e.field() == null ? "" : ":" + e.field()),
                    "租户定义有误 (invalid tenant definition): " + e.getMessage());
        }
    }

    private void provisionQuietly(IdentityProvisioning p, TenantDefinition t) {
        try {
            ProvisioningReport report = p.provisionDistrict(t);
            identity.put(t.id(), new IdentityState("PROVISIONED", String.join(", ", report.created()), clock.instant()));
        } catch (IdentityUnavailableException e) {
            LOG.warn("Identity realm of district {} not provisioned: {}", t.id(), e.getMessage());
            identity.put(t.id(), new IdentityState("FAILED", e.getMessage(), clock.instant()));
        }
    }

    @Override
    public TenantInfo show(String id) {
        Served s = served.get(id);
        if (s == null) {
            throw new NotFoundException("租户不存在 (no such tenant): " + id);
        }
        IdentityState state = identity.getOrDefault(id,
                provisioning == null ? new IdentityState("NOT_CONFIGURED", "", null) : IdentityState.UNKNOWN);
        return new TenantInfo(s.definition(), s.status(), s.createdAt(), s.changedAt(), s.reason(), rows.cases(id), state);
    }

    @Override
    public List<TenantInfo> list() {
        return tenants().stream().map(t -> show(t.id())).toList();
    }

    @Override
    public synchronized TenantInfo suspend(String id, String reason) {
        if (reason != null && reason.length() > 200) {
            throw new ValidationException("reason", "暂停原因不能超过 200 字 (reason over 200 characters)");
        }
        return changeStatus(id, TenantStatus.SUSPENDED, reason);
    }

    @Override
    public synchronized TenantInfo resume(String id) {
        return changeStatus(id, TenantStatus.ACTIVE, null);
    }

    private TenantInfo changeStatus(String id, TenantStatus next, String reason) {
        Served s = served.get(id);
        if (s == null) {
            throw new NotFoundException("租户不存在 (no such tenant): " + id);
        }
        if (s.status() != next) {
            TenantEntity row = rows.changeStatus(id, next.name(), reason, clock.instant());
            served.put(id, new Served(s.definition(), next, s.createdAt(), row.statusChangedAt(), row.statusReason()));
            LOG.info("District {} {}{}", id, next == TenantStatus.SUSPENDED ? "suspended" : "resumed",
                    reason == null ? "" : ": " + reason);
            IdentityProvisioning p = provisioning;
            if (p != null) {
                try {
                    p.setDistrictEnabled(id, next == TenantStatus.ACTIVE);
                } catch (IdentityUnavailableException e) {
                    LOG.warn("District {}: identity realm not {}: {}", id, next == TenantStatus.ACTIVE ? "enabled" : "disabled",
                            e.getMessage());
                }
            }
        }
        return show(id);
    }

    @Override
    public synchronized void delete(String id, boolean force) {
        if (!served.containsKey(id)) {
            throw new NotFoundException("租户不存在 (no such tenant): " + id);
        }
        long cases = rows.cases(id);
        if (cases > 0 && !force) {
            throw new ConflictException("force", "该区仍有 " + cases + " 件案件，需强制删除 (district holds " + cases
                    + " cases; delete with force=true)");
        }
        IdentityProvisioning p = provisioning;
        if (p != null) {
            p.removeDistrict(id); // first: if the identity server is down, nothing is deleted
        }
        rows.purge(id, clock.instant());
        served.remove(id);
        enabled.remove(id);
        identity.remove(id);
        trustServed();
        LOG.info("District {} deleted with {} cases", id, cases);
    }

    @Override
    public ProvisioningReport provisionIdentity(String id) {
        TenantDefinition t = require(id);
        IdentityProvisioning p = provisioning;
        if (p == null) {
            throw new IdentityUnavailableException("未配置身份服务 (no identity server configured)", null);
        }
        try {
            ProvisioningReport report = p.provisionDistrict(t);
            identity.put(id, new IdentityState("PROVISIONED", String.join(", ", report.created()), clock.instant()));
            return report;
        } catch (IdentityUnavailableException e) {
            identity.put(id, new IdentityState("FAILED", e.getMessage(), clock.instant()));
            throw e;
        }
    }
}
