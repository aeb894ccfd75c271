package org.gongzhi.core.service.reports;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Stores generated reports and serves them back. Implemented by persistence; called by the report
 * producer and the REST API. Reads and writes are confined to one tenant id (a district, or
 * {@code city}). Thread-safe; blocks on the database.
 */
@ProviderType
public interface ReportArchive {

    /** The pseudo-tenant of city-wide bulletins. */
    String CITY = "city";

    ArchivedReport store(ArchivedReport report, byte[] content);

    /** The tenant's reports, newest first, at most {@code limit}. */
    List<ArchivedReport> list(String tenantId, int limit);

    Optional<ArchivedReport> find(String tenantId, UUID id);

    /** The content of a report; empty when the tenant has no such report. */
    Optional<byte[]> content(String tenantId, UUID id);
}
