package org.gongzhi.core.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.console.Session;
import org.gongzhi.core.service.tenants.TenantAdministration;

/** What every {@code gongzhi:tenant-…} command on one district has: the lifecycle service, the console, the id. */
abstract class DistrictCommand implements Action {

    @Reference
    TenantAdministration admin;

    @Reference
    Session session;

    @Argument(index = 0, name = "id", description = "辖区 ID (district id)", required = true)
    String id;
}
