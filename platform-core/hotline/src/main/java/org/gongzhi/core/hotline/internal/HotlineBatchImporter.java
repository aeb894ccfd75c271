package org.gongzhi.core.hotline.internal;

import java.nio.charset.Charset;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gongzhi.core.grid.InvalidCoordinateException;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.cases.CaseService;
import org.gongzhi.core.service.cases.IntakeResult;
import org.gongzhi.core.service.hotline.HotlineBatchResult;
import org.gongzhi.core.service.hotline.HotlineFormat;
import org.gongzhi.core.service.hotline.HotlineIntake;
import org.gongzhi.core.service.hotline.HotlineRowResult;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.tenant.TenantDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole of {@link HotlineIntake#importBatch}: limits, reading the format, then ticket by
 * ticket the checks of {@link TicketMapper} and {@link CaseService#report} (whose refusals become
 * rejected rows naming the ticket's field).
 */
final class HotlineBatchImporter implements HotlineIntake {

    private static final Logger LOG = LoggerFactory.getLogger(HotlineBatchImporter.class);
    private static final int MAX_NAME = 200;
    /** NewCase field → ticket field, for the refusals of the case intake. */
    private static final Map<String, TicketField> FIELDS = Map.of("title", TicketField.TITLE,
            "description", TicketField.CONTENT, "categoryCode", TicketField.CATEGORY, "gridCode", TicketField.GRID_CODE,
            "address", TicketField.ADDRESS, "reporterName", TicketField.CALLER_NAME,
            "reporterPhone", TicketField.CALLER_PHONE, "attachments", TicketField.ATTACHMENTS,
            "idempotencyKey", TicketField.TICKET_NUMBER);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final CaseService cases;
    private final TenantDirectory tenants;
    private final Clock clock;

    HotlineBatchImporter(CaseService cases, TenantDirectory tenants, Clock clock) {
        this.cases = cases;
        this.tenants = tenants;
        this.clock = clock;
    }

    @Override
    public HotlineBatchResult importBatch(String tenantId, String batchName, byte[] content, HotlineFormat format,
                                          Charset charset) {
        TenantDefinition tenant = tenants.require(tenantId);
        if (format == null) {
            throw new ValidationException("format", "缺少批次格式 csv/xml/json (format missing)");
        }
        if (content == null || content.length == 0) {
            throw new ValidationException("body", "批次为空 (the batch is empty)");
        }
        if (content.length > MAX_BYTES) {
            throw TooMany.bytes();
        }
        String name = name(batchName, format);
        List<RawTicket> tickets = switch (format) {
            case CSV -> CsvTickets.read(BatchText.decode(content, charset));
            case XML -> XmlTickets.read(content, charset);
            case JSON -> JsonTickets.read(BatchText.decode(content, charset));
        };
        TicketMapper mapper = new TicketMapper(tenant, clock);
        List<HotlineRowResult> rows = new ArrayList<>(tickets.size());
        for (RawTicket t : tickets) {
            rows.add(one(tenantId, mapper, t));
        }
        HotlineBatchResult result = HotlineBatchResult.of(name, rows);
        LOG.info("Hotline batch {} of {}: {} tickets, {} created, {} duplicate, {} rejected", name, tenantId,
                rows.size(), result.created(), result.duplicates(), result.rejected());
        return result;
    }

    private HotlineRowResult one(String tenantId, TicketMapper mapper, RawTicket t) {
        String number = TicketMapper.ticketNumber(t);
        try {
            IntakeResult intake = cases.report(tenantId, mapper.map(t), ACTOR, null);
            return HotlineRowResult.accepted(t.row(), number, intake);
        } catch (RowRejected e) {
            return HotlineRowResult.rejected(t.row(), number, e.field(), e.getMessage());
        } catch (ValidationException e) {
            TicketField field = FIELDS.get(e.field());
            return HotlineRowResult.rejected(t.row(), number, field == null ? e.field() : field.wireName(), e.getMessage());
        } catch (InvalidCoordinateException e) {
            return HotlineRowResult.rejected(t.row(), number, e.field(), e.getMessage());
        }
    }

    private String name(String batchName, HotlineFormat format) {
        if (batchName == null || batchName.isBlank()) {
            return "hotline-" + format.wireName() + "-" + STAMP.format(clock.instant());
        }
        String n = batchName.strip().replaceAll("\\p{Cntrl}", " ");
        if (n.length() > MAX_NAME) {
            throw new ValidationException("name", "批次名称不能超过 " + MAX_NAME + " 个字符 (at most " + MAX_NAME
                    + " characters)");
        }
        return n;
    }
}
