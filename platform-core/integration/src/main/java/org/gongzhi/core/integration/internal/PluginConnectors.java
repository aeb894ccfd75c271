package org.gongzhi.core.integration.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.gongzhi.core.integration.ConnectorExchange;
import org.gongzhi.core.service.ConflictException;
import org.gongzhi.core.service.NotFoundException;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.WrongDepartmentException;
import org.gongzhi.core.service.dispatch.DepartmentUpdate;
import org.gongzhi.core.service.dispatch.DepartmentUpdates;
import org.gongzhi.core.service.dispatch.DispatchOutbox;
import org.gongzhi.core.service.dispatch.OutboundDispatch;
import org.gongzhi.core.service.dispatch.UpdateOutcome;
import org.gongzhi.core.tenant.ConnectorDefinition;
import org.gongzhi.plugin.api.DistrictModel;
import org.gongzhi.plugin.api.PluginTenants;
import org.gongzhi.plugin.api.connector.AwaitingDispatch;
import org.gongzhi.plugin.api.connector.ConnectorSettings;
import org.gongzhi.plugin.api.connector.DepartmentConnector;
import org.gongzhi.plugin.api.connector.DepartmentProgress;
import org.gongzhi.plugin.api.connector.Dispatch;
import org.gongzhi.plugin.api.connector.ProgressOutcome;
import org.gongzhi.plugin.api.connector.ProgressRefusedException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whiteboard of plugins' connector types ({@link DepartmentConnector} services with
 * {@code gongzhi.model}): each is adapted into a Camel route consuming
 * {@link ConnectorExchange#endpoint(String)} of its type while the service exists, so the delivery
 * route treats it like a core type. Delivery goes through only in districts that enabled the
 * connector's model. Polling connectors get a poll route per department from {@link ConnectorRoutes}.
 */
@Component(service = PluginConnectors.class, immediate = true)
public final class PluginConnectors {

    private static final Logger LOG = LoggerFactory.getLogger(PluginConnectors.class);
    /** Connector types of the core, which a plugin cannot take over. */
    static final Set<String> CORE_TYPES = Set.of("http", "file", "open311");

    /** A registered connector and the model it belongs to. */
    record Bound(DepartmentConnector connector, String model, String type) {
    }

    private final CamelRuntime runtime;
    private final PluginTenants tenants;
    private final DispatchOutbox outbox;
    private final DepartmentUpdates updates;
    private final Map<String, Bound> byType = new ConcurrentHashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    @Activate
    public PluginConnectors(@Reference CamelRuntime runtime, @Reference PluginTenants tenants,
                            @Reference DispatchOutbox outbox, @Reference DepartmentUpdates updates) {
        this.runtime = runtime;
        this.tenants = tenants;
        this.outbox = outbox;
        this.updates = updates;
    }

    static String routeId(String type) {
        return "connector-plugin-" + type;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(" + DistrictModel.MODEL_PROPERTY + "=*)")
    void addConnector(DepartmentConnector connector, Map<String, Object> properties) {
        String model = PluginRoutes.model(properties);
        String type;
        try {
            type = connector.type();
        } catch (RuntimeException e) {
            LOG.warn("Connector {} of model {} ignored: type() threw {}", connector.getClass().getName(), model, e.toString());
            return;
        }
        if (model == null) {
            LOG.warn("Connector {} ignored: no well-formed {} property", connector.getClass().getName(), DistrictModel.MODEL_PROPERTY);
            return;
        }
        if (type == null || !DepartmentConnector.TYPE.matcher(type).matches() || CORE_TYPES.contains(type)) {
            LOG.warn("Connector {} of model {} ignored: type {} is malformed or a core type", connector.getClass().getName(),
                    model, type);
            return;
        }
        Bound bound = new Bound(connector, model, type);
        synchronized (this) {
            if (byType.putIfAbsent(type, bound) != null) {
                LOG.warn("Connector {} of model {} ignored: type {} is taken by model {}", connector.getClass().getName(),
                        model, type, byType.get(type).model());
                return;
            }
            try {
                runtime.add(new DeliverRoute(bound));
            } catch (Exception e) {
                byType.remove(type);
                LOG.warn("Connector type {} of model {} could not start: {}", type, model, e.getMessage(), e);
                return;
            }
        }
        LOG.info("Connector type {} of model {} added", type, model);
        listeners.forEach(Runnable::run);
    }

    void removeConnector(DepartmentConnector connector) {
        boolean removed = false;
        synchronized (this) {
            for (Bound b : byType.values()) {
                if (b.connector() == connector && byType.remove(b.type(), b)) {
                    runtime.remove(routeId(b.type()));
                    LOG.info("Connector type {} of model {} removed", b.type(), b.model());
                    removed = true;
                }
            }
        }
        if (removed) {
            listeners.forEach(Runnable::run);
        }
    }

    /** The plugin connector of {@code type}, if one is registered. */
    Optional<Bound> find(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    /** Tells {@code listener} when a connector type comes or goes. */
    void onChange(Runnable listener) {
        listeners.add(listener);
    }

    void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    @Deactivate
    synchronized void stop() {
        byType.keySet().forEach(t -> runtime.remove(routeId(t)));
        byType.clear();
    }

    static ConnectorSettings settings(String tenant, String department, ConnectorDefinition c) {
        return new ConnectorSettings(tenant, department, c.type(), c.options());
    }

    /** The poll interval for a department: its {@code pollSeconds}, else the connector's; zero for none. */
    static Duration pollInterval(Bound b, ConnectorDefinition c) {
        Duration own;
        try {
            own = b.connector().pollInterval();
        } catch (RuntimeException e) {
            return Duration.ZERO;
        }
        if (own == null || own.isNegative() || own.isZero()) {
            return Duration.ZERO;
        }
        String seconds = c.options().get("pollSeconds");
        try {
            return seconds == null ? own : Duration.ofSeconds(Math.max(1, Long.parseLong(seconds.strip())));
        } catch (NumberFormatException e) {
            return own;
        }
    }

    /** One poll of a department: asks the connector about the dispatches awaiting progress. */
    void poll(String tenant, String department, ConnectorDefinition c) throws Exception {
        Bound b = byType.get(c.type());
        if (b == null || !tenants.isEnabled(tenant, b.model())) {
            return;
        }
        List<AwaitingDispatch> awaiting = outbox.awaitingProgress(tenant, department, 100).stream()
                .map(d -> new AwaitingDispatch(d.dispatchId(), d.caseId(), d.caseNumber(), d.receipt(), d.deliveredAt()))
                .toList();
        b.connector().poll(settings(tenant, department, c), awaiting, progress(tenant, department));
    }

    /** The department's progress as the core applies it, for {@link DepartmentConnector#poll}. */
    DepartmentProgress progress(String tenant, String department) {
        String actor = "dept-" + department.toLowerCase(java.util.Locale.ROOT);
        return u -> {
            try {
                UpdateOutcome o = updates.apply(tenant, department, new DepartmentUpdate(u.updateId(), u.dispatchId(),
                        u.caseId(), u.status(), u.note(), u.photos(), u.at(), u.sequence(), actor));
                return new ProgressOutcome(o.caseNumber(), o.steps(), o.caseStatus(), o.duplicate());
            } catch (ValidationException e) {
                throw new ProgressRefusedException(e.field(), e.getMessage());
            } catch (ConflictException e) {
                throw new ProgressRefusedException(e.field(), e.getMessage());
            } catch (NotFoundException | WrongDepartmentException e) {
                throw new ProgressRefusedException(u.dispatchId() != null ? "dispatchId" : "caseId", e.getMessage());
            }
        };
    }

    /** {@code direct:gongzhi-connector-<type>} → the plugin's {@link DepartmentConnector#deliver}. */
    private final class DeliverRoute extends RouteBuilder {
        private final Bound bound;

        DeliverRoute(Bound bound) {
            this.bound = bound;
        }

        @Override
        public void configure() {
            errorHandler(noErrorHandler()); // failures go back to the delivery route, which judges them
            from(ConnectorExchange.endpoint(bound.type())).routeId(routeId(bound.type())).process(this::deliver);
        }

        private void deliver(Exchange ex) throws Exception {
            OutboundDispatch d = Connectors.dispatch(ex);
            ConnectorDefinition c = Connectors.connector(ex);
            if (!tenants.isEnabled(d.tenantId(), bound.model())) {
                throw new DepartmentUnavailableException("本区未启用连接器所属的治理模式 " + bound.model()
                        + " (district " + d.tenantId() + " has not enabled model " + bound.model() + " of connector type "
                        + bound.type() + ")", Duration.ZERO);
            }
            Dispatch dispatch = new Dispatch(d.dispatchId(), d.tenantId(), d.department(), d.caseId(), d.caseNumber(),
                    d.lead(), d.attempts() + 1, ex.getIn().getBody(String.class));
            String receipt;
            try {
                receipt = bound.connector().deliver(dispatch, settings(d.tenantId(), d.department(), c));
            } catch (org.gongzhi.plugin.api.connector.DispatchRefusedException e) {
                throw new org.gongzhi.core.integration.DispatchRefusedException(e.getMessage());
            } catch (org.gongzhi.plugin.api.connector.DepartmentUnavailableException e) {
                throw new DepartmentUnavailableException(e.getMessage(), e.retryAfter());
            }
            ex.setProperty(ConnectorExchange.RECEIPT, receipt == null ? bound.type() : clip(receipt));
        }
    }

    private static String clip(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200);
    }
}
