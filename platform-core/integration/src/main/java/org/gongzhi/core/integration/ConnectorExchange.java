package org.gongzhi.core.integration;

/**
 * What a connector route receives and must answer. The delivery route sends each dispatch to
 * {@link #endpoint(String) direct:gongzhi-connector-<type>} with:
 * <ul>
 * <li>body: the dispatch as a JSON object (a {@code String}), with {@code callbackUrl} added;</li>
 * <li>exchange property {@link #DISPATCH}: the {@code org.gongzhi.core.service.dispatch.OutboundDispatch};</li>
 * <li>exchange property {@link #CONNECTOR}: the {@code org.gongzhi.core.tenant.ConnectorDefinition}
 *     in force for the department (definition file or Config Admin override).</li>
 * </ul>
 * The route returns normally when the department's system took the dispatch, optionally setting
 * {@link #RECEIPT}; it throws {@link DispatchRefusedException} when the department refused it for
 * good (a dead letter at once) and any other exception for a passing failure (redelivered with
 * back-off). A connector route must not handle its own failures: declare
 * {@code errorHandler(noErrorHandler())} in its builder so that they reach the delivery route.
 * Deliver idempotently by the dispatch id: the same dispatch may come again.
 */
public final class ConnectorExchange {

    /** Exchange property: the dispatch being delivered. */
    public static final String DISPATCH = "GongzhiDispatch";
    /** Exchange property: the connector definition in force. */
    public static final String CONNECTOR = "GongzhiConnector";
    /** Exchange property a connector route may set: the department's receipt (at most 200 characters kept). */
    public static final String RECEIPT = "GongzhiReceipt";

    private static final String PREFIX = "direct:gongzhi-connector-";

    private ConnectorExchange() {
    }

    /** The endpoint a connector route of {@code type} consumes. */
    public static String endpoint(String type) {
        return PREFIX + type;
    }
}
