package org.gongzhi.core.persistence.internal;

import org.hibernate.context.spi.CurrentTenantIdentifierResolver;

/**
 * Sessions are always opened with an explicit tenant; a session opened without one is bound to
 * a tenant id no district can have, so it sees no tenant-owned rows.
 */
final class RootTenantResolver implements CurrentTenantIdentifierResolver<String> {

    static final String NO_TENANT = "-";

    @Override
    public String resolveCurrentTenantIdentifier() {
        return NO_TENANT;
    }

    @Override
    public boolean validateExistingCurrentSessions() {
        return false;
    }
}
