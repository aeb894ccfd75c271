package org.gongzhi.core.rest.internal;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.ws.rs.core.Response;

import org.gongzhi.core.service.NotFoundException;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.reports.ArchivedReport;
import org.gongzhi.core.service.reports.ReportArchive;
import org.gongzhi.core.service.reports.ReportService;

/** What the district and the city report resources share: produce, list, describe, download. */
final class ReportResources {

    static final int LIST_LIMIT = 200;
    private static final Map<String, String> MEDIA_TYPES = Map.of(
            "PDF", "application/pdf",
            "XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "CSV", "text/csv; charset=UTF-8");

    /** Body of a report request. */
    record ReportRequest(String kind, String period, String format) {
    }

    private ReportResources() {
    }

    static Response produce(ReportService reports, String owner, String base, ReportRequest body, String actor) {
        if (body == null) {
            throw new ValidationException("body", "请求体不能为空 (a JSON body is required)");
        }
        ArchivedReport report = reports.produce(owner, body.kind(), body.period(), body.format(), actor);
        return Response.created(URI.create(base + "/" + report.id())).entity(report).build();
    }

    static List<ArchivedReport> list(ReportArchive archive, String owner) {
        return archive.list(owner, LIST_LIMIT);
    }

    static ArchivedReport describe(ReportArchive archive, String owner, String id) {
        return archive.find(owner, reportId(id)).orElseThrow(() -> notFound(id));
    }

    static Response content(ReportArchive archive, String owner, String id) {
        ArchivedReport report = describe(archive, owner, id);
        byte[] bytes = archive.content(owner, report.id()).orElseThrow(() -> notFound(id));
        String file = report.kind().toLowerCase() + "-" + report.period() + "." + report.format().toLowerCase();
        return Response.ok(bytes, MEDIA_TYPES.get(report.format()))
                .header("Content-Disposition", "attachment; filename=\"" + owner + "-" + file + "\"").build();
    }

    private static UUID reportId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw notFound(id);
        }
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("报表不存在 (no such report): " + id);
    }
}
