package org.gongzhi.core.reports.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.gongzhi.core.reporting.ReportDocument;
import org.gongzhi.core.reporting.ReportFormat;
import org.gongzhi.core.reporting.ReportRenderer;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.cases.CaseService;
import org.gongzhi.core.service.kpi.KpiService;
import org.gongzhi.core.service.reports.ArchivedReport;
import org.gongzhi.core.service.reports.ReportArchive;
import org.gongzhi.core.service.reports.ReportService;
import org.gongzhi.core.service.screen.DistrictModes;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.tenant.TenantDefinition;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Gathers a report's figures, renders it and archives the file. */
@Component(service = ReportService.class)
public final class ReportProducer implements ReportService {

    private static final Logger LOG = LoggerFactory.getLogger(ReportProducer.class);

    private final TenantDirectory tenants;
    private final ReportRenderer renderer;
    private final ReportArchive archive;
    private final DistrictReportBuilder districts;
    private final CityBulletinBuilder city;
    private final Clock clock = Clock.systemUTC();

    @Activate
    public ReportProducer(@Reference TenantDirectory tenants, @Reference KpiService kpis, @Reference CaseService cases,
                          @Reference ReportRenderer renderer, @Reference ReportArchive archive,
                          @Reference PluginSections plugins, @Reference DistrictModes modes) {
        this.tenants = tenants;
        this.renderer = renderer;
        this.archive = archive;
        this.districts = new DistrictReportBuilder(kpis, cases, plugins, modes, clock);
        this.city = new CityBulletinBuilder(kpis, clock);
    }

    @Override
    public ArchivedReport produce(String tenantId, String kindText, String periodText, String formatText, String actor) {
        ReportKind kind = ReportKind.parse(kindText).orElseThrow(() -> new ValidationException("kind",
                "报表类型须为 monthly、quarterly 或 half-year (kind must be monthly, quarterly or half-year): " + kindText));
        ReportPeriod period = ReportPeriod.parse(kind, periodText).orElseThrow(() -> new ValidationException("period",
                "统计期格式须为 2026-11、2026-Q4 或 2026-H2，并与报表类型一致 (period must match the kind): " + periodText));
        ReportFormat format = format(formatText);
        long started = System.nanoTime();
        ReportDocument document;
        if (ReportArchive.CITY.equals(tenantId)) {
            if (kind != ReportKind.HALF_YEAR) {
                throw new ValidationException("kind", "全市只出半年通报 (the city produces the half-year bulletin)");
            }
            document = city.build(period);
        } else {
            TenantDefinition tenant = tenants.require(tenantId);
            if (kind == ReportKind.HALF_YEAR) {
                throw new ValidationException("kind", "半年通报为全市报表 (the half-year bulletin is city-wide)");
            }
            document = districts.build(tenant, period);
        }
        byte[] content = renderer.render(document, format);
        ArchivedReport stored = archive.store(new ArchivedReport(UUID.randomUUID(), tenantId, kind.name(), period.text(),
                format.name(), document.title() + " " + period.labelZh(), Instant.now(clock), actor, content.length), content);
        LOG.info("Report {} {} {} for {} produced in {} ms ({} bytes)", kind, period.text(), format, tenantId,
                (System.nanoTime() - started) / 1_000_000, content.length);
        return stored;
    }

    private static ReportFormat format(String text) {
        try {
            return ReportFormat.valueOf(text == null ? "PDF" : text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("format", "格式须为 pdf、xlsx 或 csv (format must be pdf, xlsx or csv): " + text);
        }
    }
}
