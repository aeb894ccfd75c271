package org.gongzhi.core.rest.internal;

import org.gongzhi.core.identity.Caller;
import org.gongzhi.core.service.NotFoundException;
import org.gongzhi.core.service.cases.CaseService;
import org.gongzhi.core.service.cases.CaseView;
import org.gongzhi.core.service.tenants.TenantDirectory;

/** A case read for a caller: outside the caller's scope it is 404, exactly like a missing case. */
final class VisibleCases {

    private VisibleCases() {
    }

    static CaseView of(CaseService cases, TenantDirectory tenants, String tenant, String id, Caller caller) {
        CaseView v = cases.get(tenant, Params.caseId(id));
        if (!Access.scope(caller).permits(v, tenants.require(tenant))) {
            throw new NotFoundException("案件不存在 (no such case): " + id);
        }
        return v;
    }
}
