package org.gongzhi.core.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import javax.ws.rs.Consumes;
import javax.ws.rs.NotSupportedException;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.gongzhi.core.service.BatchTooLargeException;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.hotline.HotlineBatchResult;
import org.gongzhi.core.service.hotline.HotlineFormat;
import org.gongzhi.core.service.hotline.HotlineIntake;
import org.gongzhi.core.service.hotline.HotlineRowResult;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.tenant.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * 12345 热线工单批量导入: a batch of hotline tickets (CSV, XML or JSON body) becomes cases with
 * channel {@code hotline}, through {@link HotlineIntake}. 200 with the per-ticket results even when
 * some tickets were rejected; a body that cannot be read at all 400, over the limits 413, another
 * media type 415. Roles: district-admin, dispatcher.
 */
@Component(service = HotlineResource.class)
@JaxrsResource
@JSONRequired
@Path("/api/v1/tenants/{tenant}/hotline/batches")
@Produces(MediaType.APPLICATION_JSON)
public final class HotlineResource {

    /** Roles that may import hotline batches. */
    static final Role[] IMPORTERS = {Role.DISTRICT_ADMIN, Role.DISPATCHER};
    static final String CSV = "text/csv";
    private static final Map<String, HotlineFormat> FORMATS = Map.of(CSV, HotlineFormat.CSV,
            "application/csv", HotlineFormat.CSV, MediaType.APPLICATION_XML, HotlineFormat.XML,
            MediaType.TEXT_XML, HotlineFormat.XML, MediaType.APPLICATION_JSON, HotlineFormat.JSON);

    private final HotlineIntake hotline;
    private final TenantDirectory tenants;

    @Activate
    public HotlineResource(@Reference HotlineIntake hotline, @Reference TenantDirectory tenants) {
        this.hotline = hotline;
        this.tenants = tenants;
    }

    record RowJson(int row, String ticketNumber, String outcome, UUID caseId, String caseNumber, String field,
                   String message) {
        static RowJson of(HotlineRowResult r) {
            return new RowJson(r.row(), r.ticketNumber(), r.outcome().wireName(), r.caseId(), r.caseNumber(), r.field(),
                    r.message());
        }
    }

    record BatchJson(String batchName, int created, int duplicates, int rejected, List<RowJson> rows) {
        static BatchJson of(HotlineBatchResult r) {
            return new BatchJson(r.batchName(), r.created(), r.duplicates(), r.rejected(),
                    r.rows().stream().map(RowJson::of).toList());
        }
    }

    /** Imports one batch; the format is the body's media type, the charset its parameter. */
    @POST
    @Consumes({CSV, "application/csv", MediaType.APPLICATION_XML, MediaType.TEXT_XML, MediaType.APPLICATION_JSON})
    public BatchJson importBatch(@PathParam("tenant") String tenant, @QueryParam("name") String name,
                                 InputStream body, @Context HttpHeaders headers, @Context SecurityContext security) {
        Access.district(security, tenants, tenant, IMPORTERS);
        MediaType type = headers.getMediaType();
        HotlineFormat format = type == null ? null
                : FORMATS.get((type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT));
        if (format == null) {
            throw new NotSupportedException();
        }
        return BatchJson.of(hotline.importBatch(tenant, name, read(body), format, charset(type)));
    }

    private static byte[] read(InputStream body) {
        try {
            byte[] bytes = body == null ? new byte[0] : body.readNBytes(HotlineIntake.MAX_BYTES + 1);
            if (bytes.length > HotlineIntake.MAX_BYTES) {
                throw new BatchTooLargeException("一个批次最大 5 MiB，请拆分后再导入 (a batch is at most 5 MiB; split it)");
            }
            return bytes;
        } catch (IOException e) {
            throw new ValidationException("body", "请求体读取失败 (the body could not be read): " + e.getMessage());
        }
    }

    private static Charset charset(MediaType type) {
        String name = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Charset.forName(name.strip().replace("\"", ""));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new ValidationException("charset", "不支持的字符集 (unsupported charset): " + name);
        }
    }
}
