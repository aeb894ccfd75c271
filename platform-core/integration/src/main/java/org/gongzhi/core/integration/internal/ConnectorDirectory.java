package org.gongzhi.core.integration.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.tenant.ConnectorDefinition;
import org.gongzhi.core.tenant.DepartmentDefinition;
import org.gongzhi.core.tenant.HotlineMapping;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connector in force for each department: a {@link ConnectorOverride} from Config Admin if
 * there is one, else the connector of the tenant definition. The replies to the 12345 hotline wait
 * in the outbox under {@link HotlineMapping#REPLY_DEPARTMENT}: theirs is the district's hotline
 * {@code reply} connector. Tells its listeners when overrides come, change or go.
 */
@Component(service = ConnectorDirectory.class)
public final class ConnectorDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectorDirectory.class);

    private final TenantDirectory tenants;
    private final Map<String, ConnectorOverride> overrides = new ConcurrentHashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    @Activate
    public ConnectorDirectory(@Reference TenantDirectory tenants) {
        this.tenants = tenants;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addOverride(ConnectorOverride o) {
        ConnectorOverride before = overrides.put(key(o.tenant(), o.department()), o);
        LOG.info("Connector of {}/{} now {} (Config Admin{})", o.tenant(), o.department(),
                o.connector() == null ? "off" : o.connector(), before == null ? "" : ", replacing an earlier override");
        changed();
    }

    void removeOverride(ConnectorOverride o) {
        if (overrides.remove(key(o.tenant(), o.department()), o)) {
            LOG.info("Config Admin override of {}/{} removed; the tenant definition applies", o.tenant(), o.department());
            changed();
        }
    }

    /** The department's connector in force; empty when it has none (it works in the platform itself). */
    Optional<ConnectorDefinition> find(String tenantId, String department) {
        ConnectorOverride o = overrides.get(key(tenantId, department));
        if (o != null) {
            return Optional.ofNullable(o.connector());
        }
        if (HotlineMapping.REPLY_DEPARTMENT.equals(department)) {
            return tenants.find(tenantId).map(t -> t.hotline().reply());
        }
        return tenants.find(tenantId).flatMap(t -> t.departments().stream()
                .filter(d -> d.code().equals(department)).findFirst()).map(DepartmentDefinition::connector);
    }

    /** Runs {@code listener} after every change of the overrides. */
    void onChange(Runnable listener) {
        listeners.add(listener);
    }

    void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }

    private static String key(String tenant, String department) {
        return tenant + "/" + department;
    }
}
