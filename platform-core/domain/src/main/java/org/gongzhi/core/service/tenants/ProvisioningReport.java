package org.gongzhi.core.service.tenants;

import java.time.Duration;
import java.util.List;

/**
 * What one provisioning run did.
 *
 * @param realm   the realm provisioned
 * @param created what was missing and has been created or repaired, e.g. {@code role grid-worker},
 *                {@code client dept-cg}, {@code user jz-grid1}; empty when everything was in place
 * @param took    wall-clock time of the run
 */
public record ProvisioningReport(String realm, List<String> created, Duration took) {

    /** Copies the list. */
    public ProvisioningReport {
        created = List.copyOf(created);
    }
}
