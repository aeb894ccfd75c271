/**
 * The contract between the platform's dispatch delivery and connector routes, for plugins that
 * add connector types of their own. A plugin registers an {@code org.apache.camel.RoutesBuilder}
 * service whose route consumes {@link org.gongzhi.core.integration.ConnectorExchange#endpoint(String)}
 * for its type; the integration bundle adds it to its Camel context while the plugin runs.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.gongzhi.core.integration;
