package org.gongzhi.core.persistence.internal;

import java.time.Clock;
import java.util.regex.Pattern;

import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.plugin.api.PluginStorage;
import org.gongzhi.plugin.api.RecordCollection;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Plugins' records in the core database, one tenant and one model at a time. */
@Component(service = PluginStorage.class)
public final class HibernatePluginStorage implements PluginStorage {

    static final Pattern MODEL = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    static final Pattern COLLECTION = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    private final Database db;
    private final TenantDirectory tenants;
    private final Clock clock;

    @Activate
    public HibernatePluginStorage(@Reference PersistenceRuntime runtime, @Reference TenantDirectory tenants) {
        this(runtime.database(), tenants, Clock.systemUTC());
    }

    HibernatePluginStorage(Database db, TenantDirectory tenants, Clock clock) {
        this.db = db;
        this.tenants = tenants;
        this.clock = clock;
    }

    @Override
    public RecordCollection collection(String tenantId, String modelId, String collection) {
        if (tenants.find(tenantId).isEmpty()) {
            throw new IllegalArgumentException("no such tenant: " + tenantId);
        }
        if (modelId == null || !MODEL.matcher(modelId).matches()) {
            throw new IllegalArgumentException("a model id must match " + MODEL.pattern() + ": " + modelId);
        }
        if (collection == null || !COLLECTION.matcher(collection).matches()) {
            throw new IllegalArgumentException("a collection name must match " + COLLECTION.pattern() + ": " + collection);
        }
        return new HibernateRecordCollection(db, clock, tenantId, modelId, collection);
    }
}
