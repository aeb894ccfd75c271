/**
 * Department connector SPI (部门系统对接扩展): how a plugin adds a connector type — the way a
 * dispatch reaches a department's own system and the way that system's progress comes back —
 * without any Camel or core type.
 *
 * <p>A plugin registers a {@link org.gongzhi.plugin.api.connector.DepartmentConnector} service with
 * the property {@code gongzhi.model=<model id>}. A department whose connector (in the district's
 * {@code departments.yaml} or an {@code etc/org.gongzhi.connector-*.cfg} override) names the
 * connector's {@link org.gongzhi.plugin.api.connector.DepartmentConnector#type() type} then gets its
 * dispatches through {@link org.gongzhi.plugin.api.connector.DepartmentConnector#deliver deliver},
 * in districts that enabled the model. The platform keeps the outbox, the leases, the retry rounds
 * and the dead letters; the connector only talks to the department's system.
 *
 * @since 1.0
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.gongzhi.plugin.api.connector;
