package org.gongzhi.core.persistence.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.gongzhi.core.service.reports.ArchivedReport;
import org.gongzhi.core.service.reports.ReportArchive;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The report archive in the core database, tenant-discriminated like all tenant data. */
@Component(service = ReportArchive.class)
public final class HibernateReportArchive implements ReportArchive {

    private static final String LIST = "select new org.gongzhi.core.service.reports.ArchivedReport(r.id, r.tenantId, r.kind,"
            + " r.period, r.format, r.title, r.generatedAt, r.generatedBy, r.sizeBytes) from ReportEntity r";

    private final Database db;

    @Activate
    public HibernateReportArchive(@Reference PersistenceRuntime runtime) {
        this(runtime.database());
    }

    HibernateReportArchive(Database db) {
        this.db = db;
    }

    @Override
    public ArchivedReport store(ArchivedReport report, byte[] content) {
        ReportEntity row = new ReportEntity();
        row.id = report.id() == null ? UUID.randomUUID() : report.id();
        row.kind = report.kind();
        row.period = report.period();
        row.format = report.format();
        row.title = report.title();
        row.generatedAt = report.generatedAt();
        row.generatedBy = report.generatedBy();
        row.sizeBytes = content.length;
        row.content = content;
        db.inTenant(report.tenantId(), s -> {
            s.persist(row);
            return row;
        });
        return new ArchivedReport(row.id, report.tenantId(), row.kind, row.period, row.format, row.title,
                row.generatedAt, row.generatedBy, row.sizeBytes);
    }

    @Override
    public List<ArchivedReport> list(String tenantId, int limit) {
        return db.inTenant(tenantId, s -> s.createSelectionQuery(LIST + " order by r.generatedAt desc", ArchivedReport.class)
                .setMaxResults(limit).getResultList());
    }

    @Override
    public Optional<ArchivedReport> find(String tenantId, UUID id) {
        return db.inTenant(tenantId, s -> s.createSelectionQuery(LIST + " where r.id = :id", ArchivedReport.class)
                .setParameter("id", id).uniqueResultOptional());
    }

    @Override
    public Optional<byte[]> content(String tenantId, UUID id) {
        return db.inTenant(tenantId, s -> s.createSelectionQuery("select r.content from ReportEntity r where r.id = :id",
                byte[].class).setParameter("id", id).uniqueResultOptional());
    }
}
