package org.gongzhi.core.integration.internal;

import java.nio.file.Path;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.gongzhi.core.service.dispatch.DepartmentUpdate;
import org.gongzhi.core.service.dispatch.DepartmentUpdates;
import org.gongzhi.core.service.dispatch.UpdateOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress files of one department that uses a {@code file} connector with {@code updatesDirectory}:
 * each {@code *.json} file there is one update ({@link DepartmentUpdate#fromJson}); applied files move to
 * {@code .done/}, refused ones to {@code .error/} with a {@code <name>.reason.txt} beside them
 * saying why. Hidden files (a department writing {@code .x.json} and renaming) are not read.
 */
final class FileUpdatesRoute extends RouteBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(FileUpdatesRoute.class);

    private final String routeId;
    private final String tenant;
    private final String department;
    private final Path directory;
    private final DepartmentUpdates updates;

    FileUpdatesRoute(String routeId, String tenant, String department, Path directory, DepartmentUpdates updates) {
        this.routeId = routeId;
        this.tenant = tenant;
        this.department = department;
        this.directory = directory;
        this.updates = updates;
    }

    @Override
    public void configure() {
        onException(Exception.class).handled(false).process(this::explain);
        fromF("file:%s?include=.*\\.json&move=.done&moveFailed=.error&delay=500&autoCreate=true", directory.toAbsolutePath())
                .routeId(routeId)
                .process(this::apply);
    }

    private void apply(Exchange ex) {
        byte[] body = ex.getIn().getBody(byte[].class);
        UpdateOutcome o = updates.apply(tenant, department, DepartmentUpdate.fromJson(body, "dept-" + department.toLowerCase(java.util.Locale.ROOT)));
        LOG.info("Update file {} of {}/{}: case {} {} {}", ex.getIn().getHeader(Exchange.FILE_NAME), tenant, department,
                o.caseNumber(), o.steps(), o.duplicate() ? "(duplicate)" : "");
    }

    private void explain(Exchange ex) throws Exception {
        String reason = Connectors.explainRefusedFile(ex);
        LOG.warn("Update file {} of {}/{} refused: {}", ex.getIn().getHeader(Exchange.FILE_NAME), tenant, department, reason);
    }
}
