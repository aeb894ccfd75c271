package org.gongzhi.core.integration.internal;

import java.nio.file.Path;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.gongzhi.core.integration.ConnectorExchange;
import org.gongzhi.core.service.dispatch.OutboundDispatch;
import org.gongzhi.core.tenant.ConnectorDefinition;

/**
 * Connector type {@code file}: writes the dispatch as {@code <dispatchId>.json} or
 * {@code <dispatchId>.xml} (root {@code dispatch}) into {@code directory}, first under a hidden
 * temporary name and then renamed, so a legacy system polling the folder never reads half a file.
 * A redelivery overwrites the same file name.
 */
final class FileConnectorRoute extends RouteBuilder {

    static final String ROUTE_ID = "connector-file";
    private static final String DIRECTORY = "GongzhiDirectory";

    @Override
    public void configure() {
        errorHandler(noErrorHandler()); // failures go back to the delivery route, which judges them
        from(ConnectorExchange.endpoint("file")).routeId(ROUTE_ID)
                .process(FileConnectorRoute::prepare)
                .toD("file:${header." + DIRECTORY + "}?tempFileName=.${file:name}.part&fileExist=Override&autoCreate=true")
                .process(ex -> ex.setProperty(ConnectorExchange.RECEIPT, "file:" + ex.getIn().getHeader(Exchange.FILE_NAME_PRODUCED)));
    }

    private static void prepare(Exchange ex) throws Exception {
        OutboundDispatch d = Connectors.dispatch(ex);
        ConnectorDefinition c = Connectors.connector(ex);
        String format = c.option("format", "json");
        String json = ex.getIn().getBody(String.class);
        ex.getIn().removeHeaders("*", Connectors.KEEP_HEADERS);
        ex.getIn().setBody("xml".equals(format) ? DispatchXml.of(json) : json);
        ex.getIn().setHeader(DIRECTORY, Path.of(Connectors.option(c, "directory", d.tenantId(), d.department()))
                .toAbsolutePath().toString());
        ex.getIn().setHeader(Exchange.FILE_NAME, d.dispatchId() + "." + format);
    }
}
