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
import javax.sql.DataSource;

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
import org.osgi.service.component.annotations.Deactivate;
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
 *
 * <p>Several nodes on one database serve the same districts: a definition created through the API or
 * the shell is stored in the database too (V35), and every change of a district on one node is
 * announced on {@link TenantRows#CHANNEL}; each node listens and re-reads that district
 * ({@link #refresh}), writing a stored definition it lacks under its own {@code tenants/}.
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
    /** The other nodes' changes; null in tests that run one catalog without it. */
    private volatile ChannelListener listener;

    @Activate
    public TenantCatalog(@Reference PersistenceRuntime runtime, Config config,
                         @Reference(cardinality = ReferenceCardinality.OPTIONAL) ConfigurationAdmin configAdmin,
                         @Reference(target = "(gongzhi.datasource=main)") DataSource dataSource) {
        this(runtime.database(), directory(config), config.autoCreate(), Clock.systemUTC(),
                configAdmin == null ? null : new TrustedRealms(configAdmin));
        listenTo(dataSource);
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
        Map<String, TenantEntity> known = rows.all();
        known.values().stream().filter(r -> !TenantRows.DELETED.equals(r.status())).forEach(r -> writeStored(r.id()));
        List<TenantDefinition> definitions = Files.isDirectory(root) ? new TenantDefinitionReader().readAll(root) : List.of();
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
                .forEach(r -> stored(r.id()).ifPresentOrElse(t -> serve(t, r),
                        () -> LOG.warn("District {} has no definition under {} nor in the database: not served", r.id(),
                                root)));
        if (served.isEmpty()) {
            LOG.warn("No districts served from {}", root);
        }
        LOG.info("Serving {} districts from {}: {}", served.size(), root, new TreeSet<>(served.keySet()));
        trustServed();
    }

    /**
     * Follows the other nodes' changes from now on: a listener on {@code dataSource} that
     * {@link #refresh refreshes} an announced district, and every district after each (re)connection.
     */
    void listenTo(DataSource dataSource) {
        listener = new ChannelListener(dataSource, TenantRows.CHANNEL, this::refresh, this::refreshAll);
    }

    @Deactivate
    void stop() {
        ChannelListener l = listener;
        if (l != null) {
            l.close();
        }
    }

    /**
     * Re-reads district {@code id} from the database, as another node may have changed it: its
     * status, its enabled models, whether it is served at all (a district created elsewhere is
     * served from its stored definition; a deleted one no longer), and the trusted realms.
     */
    synchronized void refresh(String id) {
        Optional<TenantEntity> row = rows.find(id);
        if (row.isEmpty() || TenantRows.DELETED.equals(row.get().status())) {
            if (served.remove(id) != null) {
                enabled.remove(id);
                identity.remove(id);
                trustServed();
                LOG.info("District {} deleted on another node: no longer served", id);
            }
            return;
        }
        TenantEntity r = row.get();
        Served before = served.get(id);
        Optional<TenantDefinition> definition = before != null ? Optional.of(before.definition())
                : stored(id).or(() -> local(id));
        if (definition.isEmpty()) {
            LOG.warn("District {} changed on another node, but its definition is neither under {} nor stored", id, root);
            return;
        }
        enabled.put(id, models(db, id));
        served.put(id, new Served(definition.get(), TenantStatus.valueOf(r.status()), r.createdAt(),
                r.statusChangedAt(), r.statusReason()));
        if (before == null) {
            trustServed();
            LOG.info("District {} ({}) created on another node: served", id, definition.get().name());
        } else if (before.status() != TenantStatus.valueOf(r.status())) {
            LOG.info("District {} {} on another node", id, r.status().toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** {@link #refresh} of every district the database or this node knows. */
    synchronized void refreshAll() {
        Set<String> ids = new TreeSet<>(rows.all().keySet());
        ids.addAll(served.keySet());
        ids.forEach(this::refresh);
    }

    /** The definition under this node's {@code tenants/<id>/}, if it reads. */
    private Optional<TenantDefinition> local(String id) {
        Path dir = root.resolve(id);
        if (!Files.isRegularFile(dir.resolve(TenantDefinitionReader.TENANT_FILE))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TenantDefinitionReader().read(dir));
        } catch (TenantDefinitionException e) {
            LOG.warn("Definition of district {} under {} does not read: {}", id, root, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The definition stored in the database, read from this node's {@code tenants/<id>/} after
     * {@link #writeStored}; empty when none is stored or it does not read.
     */
    private Optional<TenantDefinition> stored(String id) {
        Optional<Path> dir = writeStored(id);
        if (dir.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TenantDefinitionReader().read(dir.get()));
        } catch (TenantDefinitionException e) {
            LOG.warn("Stored definition of district {} does not read: {}", id, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Makes this node's {@code tenants/<id>/} hold the definition files stored in the database, when
     * some are: the stored ones win over files left from an earlier district of the same id (deleted,
     * then created again from changed files on another node).
     *
     * @return the directory, or empty when nothing is stored for {@code id}
     */
    private Optional<Path> writeStored(String id) {
        Map<String, String> files = rows.definitionFiles(id);
        if (files.isEmpty()) {
            return Optional.empty();
        }
        Path dir = root.resolve(id);
        Map<String, String> here = DefinitionFiles.read(dir);
        if (here.isEmpty()) {
            DefinitionFiles.replace(root, id, files);
            LOG.info("Definition of district {} written under {} from the database", id, root);
        } else if (!files.equals(here)) {
            DefinitionFiles.replace(root, id, files);
            LOG.warn("Definition files of district {} under {} differed from the stored definition: replaced by it"
                    + " (to change a district's definition, delete it and create it again)", id, root);
        }
        return Optional.of(dir);
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

    /** The tenant's enabled models as stored, without seeding. */
    private static Set<String> models(Database db, String tenantId) {
        return db.inTenant(tenantId, session -> session.createSelectionQuery(
                "select model from TenantPluginEntity where tenantId = :t and enabled", String.class)
                .setParameter("t", tenantId).getResultList().stream().collect(Collectors.toUnmodifiableSet()));
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

    /**
     * Holds the catalog's lock from the write to the local update, so that a {@link #refresh}
     * started by an earlier announcement cannot read the row before this commit and put the old
     * set back after it.
     */
    @Override
    public synchronized void setModelEnabled(String tenantId, String modelId, boolean on) {
        require(tenantId);
        if (modelId == null || !HibernatePluginStorage.MODEL.matcher(modelId).matches()) {
            throw new ValidationException("model", "插件编号格式不正确 (malformed model id): " + modelId);
        }
        db.inTenant(tenantId, session -> {
            session.merge(row(tenantId, modelId, on));
            TenantRows.announce(session, tenantId);
            return null;
        });
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
        return createFrom(root.resolve(id), DefinitionFiles.read(root.resolve(id)));
    }

    @Override
    public synchronized TenantInfo create(String id, Map<String, String> files) {
        if (served.containsKey(id)) {
            throw new ConflictException("id", "租户已存在 (district exists): " + id);
        }
        Path dir = DefinitionFiles.write(root, id, files);
        try {
            return createFrom(dir, files);
        } catch (RuntimeException e) {
            DefinitionFiles.remove(dir);
            throw e;
        }
    }

    /** Serves the definition under {@code dir} and stores its {@code files} for the other nodes. */
    private TenantInfo createFrom(Path dir, Map<String, String> files) {
        TenantDefinition t = read(dir);
        if (served.containsKey(t.id())) {
            throw new ConflictException("id", "租户已存在 (district exists): " + t.id());
        }
        serve(t, rows.upsert(t, clock.instant(), files));
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
