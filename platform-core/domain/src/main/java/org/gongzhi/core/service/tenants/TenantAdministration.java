package org.gongzhi.core.service.tenants;

import java.util.List;
import java.util.Map;

import org.gongzhi.core.service.ConflictException;
import org.gongzhi.core.service.IdentityUnavailableException;
import org.gongzhi.core.service.NotFoundException;
import org.gongzhi.core.service.ValidationException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The district lifecycle for city administrators (租户管理): create, show, list, suspend,
 * resume, delete. Implemented by the persistence bundle; called by REST and shell. Creating a
 * district also provisions its identity realm when an {@link IdentityProvisioning} service is
 * present; a failure there leaves the district created and is reported in
 * {@link TenantInfo#identity()} (re-run with {@link #provisionIdentity}). Thread-safe; blocking.
 */
@ProviderType
public interface TenantAdministration {

    /** Ids of the definitions under the definitions directory that are not districts (yet). */
    List<String> availableDefinitions();

    /**
     * Creates the district from the definition directory {@code tenants/<id>/} (also re-creates
     * a deleted one).
     *
     * @throws NotFoundException   when there is no such definition
     * @throws ConflictException   when the district exists
     * @throws ValidationException naming the file and field of a bad definition
     */
    TenantInfo create(String id);

    /**
     * Creates the district from posted definition files: {@code tenant.yaml} (required) and the
     * files it refers to ({@code departments.yaml}, {@code grids.yaml}, {@code people.yaml}); its
     * calendar and categories may refer to the shared {@code ../common/} files. The files are
     * kept as {@code tenants/<id>/}.
     *
     * @throws ConflictException   when the district or a definition with that id exists
     * @throws ValidationException naming the file and field of a bad definition
     */
    TenantInfo create(String id, Map<String, String> files);

    /** @throws NotFoundException for an unknown (or deleted) district */
    TenantInfo show(String id);

    /** Active and suspended districts, by administrative code. */
    List<TenantInfo> list();

    /** Refuses every API call for the district from now on; keeps its data. Idempotent. */
    TenantInfo suspend(String id, String reason);

    /** Serves the district again. Idempotent. */
    TenantInfo resume(String id);

    /**
     * Deletes the district: its cases, journals, plugin records, reports and identity realm.
     *
     * @param force delete even though it holds cases
     * @throws ConflictException when it holds cases and {@code force} is false
     * @throws NotFoundException for an unknown district
     */
    void delete(String id, boolean force);

    /**
     * Provisions (or repairs) the district's identity realm now.
     *
     * @throws IdentityUnavailableException when no identity server is configured or reachable
     */
    ProvisioningReport provisionIdentity(String id);
}
