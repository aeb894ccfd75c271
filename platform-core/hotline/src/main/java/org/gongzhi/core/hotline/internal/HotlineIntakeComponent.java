package org.gongzhi.core.hotline.internal;

import java.nio.charset.Charset;
import java.time.Clock;

import org.gongzhi.core.service.cases.CaseService;
import org.gongzhi.core.service.hotline.HotlineBatchResult;
import org.gongzhi.core.service.hotline.HotlineFormat;
import org.gongzhi.core.service.hotline.HotlineIntake;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Registers {@link HotlineIntake} once the case service and the districts are there. */
@Component(service = HotlineIntake.class)
public final class HotlineIntakeComponent implements HotlineIntake {

    private final HotlineIntake importer;

    @Activate
    public HotlineIntakeComponent(@Reference CaseService cases, @Reference TenantDirectory tenants) {
        this.importer = new HotlineBatchImporter(cases, tenants, Clock.systemUTC());
    }

    @Override
    public HotlineBatchResult importBatch(String tenantId, String batchName, byte[] content, HotlineFormat format,
                                          Charset charset) {
        return importer.importBatch(tenantId, batchName, content, format, charset);
    }
}
