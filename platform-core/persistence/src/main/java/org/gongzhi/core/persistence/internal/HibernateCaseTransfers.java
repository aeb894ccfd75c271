package org.gongzhi.core.persistence.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.gongzhi.core.casework.CaseAction;
import org.gongzhi.core.casework.CaseStatus;
import org.gongzhi.core.casework.workflow.CaseWorkflow;
import org.gongzhi.core.casework.workflow.TransferRule;
import org.gongzhi.core.service.ConflictException;
import org.gongzhi.core.service.NotFoundException;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.evidence.EvidenceView;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.service.tenants.TenantStatus;
import org.gongzhi.core.service.transfer.CaseTransfer;
import org.gongzhi.core.service.transfer.CaseTransfers;
import org.gongzhi.core.service.transfer.TransferProposal;
import org.gongzhi.core.service.transfer.TransferState;
import org.gongzhi.core.tenant.CategoryDefinition;
import org.gongzhi.core.tenant.TenantDefinition;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cross-district transfers (跨区转办, V27, ADR 0037) in plain SQL on one connection. Tenants share the schema
 * and are told apart by {@code tenant_id} (ADR 0003); a Hibernate session filters its own tenant's entities,
 * and this class, which alone writes rows of two districts, names the tenant in every statement: the sender's
 * case, the receiver's copy, the transfer addressed to the receiver. Every answer is one transaction that
 * locks the transfer and the sender's case, so a case is never lost nor doubled. Logs name case numbers and
 * districts, never the reporter or their districts.
 */
@Component(service = CaseTransfers.class)
public final class HibernateCaseTransfers implements CaseTransfers {

    private static final Logger LOG = LoggerFactory.getLogger(HibernateCaseTransfers.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final int MAX_TEXT = 1000;
    private static final String TRANSFER_COLUMNS = """
            t.id, t.from_tenant, t.from_case_id, f.case_number, t.to_tenant, t.to_case_id, r.case_number, t.state,
            f.category_code, f.title, t.note, t.reason, t.transferred_by, t.transferred_at, t.decided_by, t.decided_at
            from case_transfer t
            join case_record f on f.tenant_id = t.from_tenant and f.id = t.from_case_id
            left join case_record r on r.tenant_id = t.to_tenant and r.id = t.to_case_id
            """;

    private final Database db;
    private final TenantDirectory tenants;
    private final Clock clock;

    @Activate
    public HibernateCaseTransfers(@Reference PersistenceRuntime runtime, @Reference TenantDirectory tenants) {
        this(runtime.database(), tenants, HibernateCaseService.DATABASE_CLOCK);
    }

    HibernateCaseTransfers(Database db, TenantDirectory tenants, Clock clock) {
        this.db = db;
        this.tenants = tenants;
        this.clock = clock;
    }

    /** The districts a case may go to: every active district on the platform (the city's). */
    private Set<String> cityDistricts() {
        return tenants.tenants().stream().map(TenantDefinition::id)
                .filter(id -> tenants.status(id).orElse(null) == TenantStatus.ACTIVE).collect(Collectors.toSet());
    }

    @Override
    public TransferProposal setOrigin(String tenantId, UUID caseId, String residenceDistrict, String householdDistrict,
                                      String actor) {
        TenantDefinition tenant = tenants.require(tenantId);
        Set<String> city = cityDistricts();
        String residence = TransferRule.checkOrigin("residenceDistrict", residenceDistrict, city);
        String household = TransferRule.checkOrigin("householdDistrict", householdDistrict, city);
        return work(tenantId, c -> {
            try (PreparedStatement st = c.prepareStatement("update case_record set residence_district = ?, "
                    + "household_district = ? where tenant_id = ? and id = ?")) {
                st.setString(1, residence);
                st.setString(2, household);
                st.setString(3, tenantId);
                st.setObject(4, caseId);
                if (st.executeUpdate() == 0) {
                    throw noSuchCase(caseId);
                }
            }
            return proposal(c, tenant, caseId, city);
        });
    }

    @Override
    public TransferProposal proposal(String tenantId, UUID caseId) {
        TenantDefinition tenant = tenants.require(tenantId);
        Set<String> city = cityDistricts();
        return work(tenantId, c -> proposal(c, tenant, caseId, city));
    }

    private TransferProposal proposal(Connection c, TenantDefinition tenant, UUID caseId, Set<String> city)
            throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select category_code, residence_district, household_district "
                + "from case_record where tenant_id = ? and id = ?")) {
            st.setString(1, tenant.id());
            st.setObject(2, caseId);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw noSuchCase(caseId);
                }
                CategoryDefinition category = tenant.category(rs.getString(1)).orElse(null);
                String residence = rs.getString(2);
                String household = rs.getString(3);
                CaseTransfer pending = transfers(c, "t.from_tenant = ? and t.from_case_id = ? and t.state = 'PENDING'",
                        tenant.id(), caseId).stream().findFirst().orElse(null);
                return new TransferProposal(caseId, category == null ? null : category.matterKind(), residence,
                        household, TransferRule.target(tenant.id(), category, residence, household, city).orElse(null),
                        pending);
            }
        }
    }

    @Override
    public CaseTransfer transfer(String tenantId, UUID caseId, String toDistrict, String note, String actor) {
        TenantDefinition from = tenants.require(tenantId);
        String to = TransferRule.checkDistrict("toDistrict", toDistrict, tenantId, cityDistricts());
        String text = text("note", note, false);
        String who = who(actor);
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        CaseTransfer sent = work(tenantId, c -> {
            Sender s = lockSender(c, tenantId, caseId);
            if (s.transferState != null) {
                throw new ConflictException("案件已转办，待对方区答复 (the case awaits another district's answer)");
            }
            if (!TransferRule.transferable(s.status)) {
                throw new ConflictException("只有尚未派遣的案件可以转办 (only a case not yet dispatched can be transferred)");
            }
            if (s.merged) {
                throw new ConflictException("mergedInto", "已合并的重复件随主案件办理，不能转办 (a merged duplicate follows"
                        + " its master and is not transferred)");
            }
            try (PreparedStatement st = c.prepareStatement("insert into case_transfer (id, from_tenant, from_case_id, "
                    + "to_tenant, state, note, transferred_by, transferred_at) values (?, ?, ?, ?, 'PENDING', ?, ?, ?)")) {
                st.setObject(1, id);
                st.setString(2, tenantId);
                st.setObject(3, caseId);
                st.setString(4, to);
                st.setString(5, text);
                st.setString(6, who);
                st.setTimestamp(7, Timestamp.from(now));
                st.executeUpdate();
            }
            setTransferState(c, tenantId, caseId, "PENDING", null);
            journal(c, tenantId, caseId, CaseAction.COMMENT, s.status, s.status, who, now,
                    "转办至" + name(to) + "，待对方接收 (transferred to " + to + ", awaiting its answer)"
                            + (text == null ? "" : "：" + text), List.of());
            return one(c, id);
        });
        LOG.info("Case {} of {} transferred to {} by {} (transfer {})", sent.fromCaseNumber(), from.id(), to, who, id);
        return sent;
    }

    @Override
    public List<CaseTransfer> incoming(String tenantId, boolean pendingOnly) {
        tenants.require(tenantId);
        return work(tenantId, c -> transfers(c, "t.to_tenant = ?" + (pendingOnly ? " and t.state = 'PENDING'" : "")
                + " order by t.transferred_at desc limit 500", tenantId, null));
    }

    @Override
    public List<CaseTransfer> ofCase(String tenantId, UUID caseId) {
        tenants.require(tenantId);
        return work(tenantId, c -> transfers(c, "(t.from_tenant = ? and t.from_case_id = ?) or (t.to_tenant = ? "
                + "and t.to_case_id = ?) order by t.transferred_at", tenantId, caseId));
    }

    @Override
    public CaseTransfer incoming(String tenantId, UUID transferId) {
        tenants.require(tenantId);
        return work(tenantId, c -> addressedTo(c, tenantId, transferId, false));
    }

    @Override
    public CaseTransfer accept(String tenantId, UUID transferId, String actor) {
        TenantDefinition receiver = tenants.require(tenantId);
        String who = who(actor);
        Instant now = clock.instant();
        CaseTransfer accepted = work(tenantId, c -> {
            CaseTransfer t = addressedTo(c, tenantId, transferId, true);
            Sender s = lockSender(c, t.fromDistrict(), t.fromCaseId());
            CategoryDefinition category = receiver.category(s.categoryCode).filter(CategoryDefinition::leaf)
                    .orElseThrow(() -> new ConflictException("本区没有该案件的分类 (this district has no category "
                            + s.categoryCode + ")"));
            UUID copy = UUID.randomUUID();
            String number = number(c, receiver, now);
            Map<UUID, UUID> ids = evidenceIds(c, t.fromDistrict(), t.fromCaseId());
            Map<String, String> evidence = references(ids);
            copyCase(c, t, copy, number, category, evidence);
            copyEvidence(c, t.fromDistrict(), tenantId, copy, ids);
            int last = copyJournal(c, t, copy, evidence);
            journal(c, tenantId, copy, CaseAction.COMMENT, s.status, CaseStatus.REPORTED, who, now,
                    "自" + name(t.fromDistrict()) + "转入，已接收（原案号 " + t.fromCaseNumber() + "）(accepted from "
                            + t.fromDistrict() + ", case " + t.fromCaseNumber() + ")", List.of(), last + 1);
            setTransferState(c, t.fromDistrict(), t.fromCaseId(), "SENT", CaseStatus.REJECTED);
            journal(c, t.fromDistrict(), t.fromCaseId(), CaseAction.REJECT, s.status, CaseStatus.REJECTED, who, now,
                    name(tenantId) + "已接收转办，案号 " + number + "，本区不再办理 (accepted by " + tenantId + " as case "
                            + number + ")", List.of());
            decide(c, transferId, TransferState.ACCEPTED, copy, null, who, now);
            return one(c, transferId);
        });
        LOG.info("Transfer {} of case {} from {} accepted by {} of {} as case {}", transferId,
                accepted.fromCaseNumber(), accepted.fromDistrict(), who, tenantId, accepted.toCaseNumber());
        return accepted;
    }

    @Override
    public CaseTransfer refuse(String tenantId, UUID transferId, String reason, String actor) {
        tenants.require(tenantId);
        String why = text("reason", reason, true);
        String who = who(actor);
        Instant now = clock.instant();
        CaseTransfer refused = work(tenantId, c -> {
            CaseTransfer t = addressedTo(c, tenantId, transferId, true);
            Sender s = lockSender(c, t.fromDistrict(), t.fromCaseId());
            setTransferState(c, t.fromDistrict(), t.fromCaseId(), null, null);
            journal(c, t.fromDistrict(), t.fromCaseId(), CaseAction.COMMENT, s.status, s.status, who, now,
                    name(tenantId) + "退回转办 (returned by " + tenantId + ")：" + why, List.of());
            decide(c, transferId, TransferState.REFUSED, null, why, who, now);
            return one(c, transferId);
        });
        LOG.info("Transfer {} of case {} from {} refused by {} of {}", transferId, refused.fromCaseNumber(),
                refused.fromDistrict(), who, tenantId);
        return refused;
    }

    // ---- rows

    private record Sender(CaseStatus status, String transferState, String categoryCode, boolean merged) {
    }

    /** The sending district's case, locked for this transaction. */
    private static Sender lockSender(Connection c, String tenant, UUID caseId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select status, transfer_state, category_code, merged_into is not null from case_record "
                + "where tenant_id = ? and id = ? for update")) {
            st.setString(1, tenant);
            st.setObject(2, caseId);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw noSuchCase(caseId);
                }
                return new Sender(CaseStatus.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getBoolean(4));
            }
        }
    }

    /** The transfer addressed to {@code tenant} (404 otherwise); locked and still pending (409 otherwise) when {@code answer}. */
    private static CaseTransfer addressedTo(Connection c, String tenant, UUID id, boolean answer) throws SQLException {
        if (answer) {
            try (PreparedStatement st = c.prepareStatement(
                    "select state from case_transfer where id = ? and to_tenant = ? for update")) {
                st.setObject(1, id);
                st.setString(2, tenant);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        throw noSuchTransfer(id);
                    }
                    if (!"PENDING".equals(rs.getString(1))) {
                        throw new ConflictException("该转办已答复 (the transfer was answered already)");
                    }
                }
            }
        }
        return transfers(c, "t.id = ? and t.to_tenant = ?", id, tenant).stream().findFirst()
                .orElseThrow(() -> noSuchTransfer(id));
    }

    private static CaseTransfer one(Connection c, UUID id) throws SQLException {
        return transfers(c, "t.id = ?", id, null).get(0);
    }

    /** Transfers matching {@code where}, whose parameters are {@code a}, {@code b} (each given once or twice). */
    private static List<CaseTransfer> transfers(Connection c, String where, Object a, Object b) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select " + TRANSFER_COLUMNS + " where " + where)) {
            int n = (int) where.chars().filter(ch -> ch == '?').count();
            for (int i = 1; i <= n; i++) {
                st.setObject(i, i % 2 == 1 ? a : b);
            }
            try (ResultSet rs = st.executeQuery()) {
                List<CaseTransfer> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new CaseTransfer(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                            rs.getString(4), rs.getString(5), rs.getObject(6, UUID.class), rs.getString(7),
                            TransferState.valueOf(rs.getString(8)), rs.getString(9), rs.getString(10), rs.getString(11),
                            rs.getString(12), rs.getString(13), instant(rs.getTimestamp(14)), rs.getString(15),
                            instant(rs.getTimestamp(16))));
                }
                return out;
            }
        }
    }

    private static void setTransferState(Connection c, String tenant, UUID caseId, String state, CaseStatus status)
            throws SQLException {
        try (PreparedStatement st = c.prepareStatement("update case_record set transfer_state = ?, "
                + "status = coalesce(?, status), version = version + 1 where tenant_id = ? and id = ?")) {
            st.setString(1, state);
            st.setString(2, status == null ? null : status.name());
            st.setString(3, tenant);
            st.setObject(4, caseId);
            st.executeUpdate();
        }
    }

    private static void decide(Connection c, UUID id, TransferState state, UUID copy, String reason, String who,
                               Instant now) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("update case_transfer set state = ?, to_case_id = ?, reason = ?, "
                + "decided_by = ?, decided_at = ? where id = ?")) {
            st.setString(1, state.name());
            st.setObject(2, copy);
            st.setString(3, reason);
            st.setString(4, who);
            st.setTimestamp(5, Timestamp.from(now));
            st.setObject(6, id);
            st.executeUpdate();
        }
    }

    /** The receiver's case number, as an intake there would give it. */
    private static String number(Connection c, TenantDefinition receiver, Instant now) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select nextval('case_number_seq')");
             ResultSet rs = st.executeQuery()) {
            rs.next();
            return receiver.adminCode() + "-" + LocalDate.ofInstant(now, receiver.timeZone()).format(DAY) + "-"
                    + String.format("%06d", rs.getLong(1) % 1_000_000);
        }
    }

    /** New ids for the evidence of the sender's case, old id to new. */
    private static Map<UUID, UUID> evidenceIds(Connection c, String from, UUID caseId) throws SQLException {
        Map<UUID, UUID> ids = new LinkedHashMap<>();
        try (PreparedStatement st = c.prepareStatement("select id from evidence where tenant_id = ? and case_id = ?")) {
            st.setString(1, from);
            st.setObject(2, caseId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    ids.put(rs.getObject(1, UUID.class), UUID.randomUUID());
                }
            }
        }
        return ids;
    }

    /**
     * The receiver's evidence rows of the case: one per sender's row, same content address (the REST layer
     * copied the stored files into the receiver's store before), attached to the copy.
     */
    private static void copyEvidence(Connection c, String from, String to, UUID copy, Map<UUID, UUID> ids)
            throws SQLException {
        try (PreparedStatement st = c.prepareStatement("insert into evidence (id, tenant_id, sha256, kind, media_type, "
                + "display_media_type, size_bytes, width, height, thumbnail, file_name, uploaded_by, uploader_subject, "
                + "uploaded_at, captured_at, latitude, longitude, case_id, journal_seq) select ?, ?, sha256, kind, "
                + "media_type, display_media_type, size_bytes, width, height, thumbnail, file_name, uploaded_by, "
                + "uploader_subject, uploaded_at, captured_at, latitude, longitude, ?, journal_seq from evidence "
                + "where tenant_id = ? and id = ?")) {
            for (Map.Entry<UUID, UUID> e : ids.entrySet()) {
                st.setObject(1, e.getValue());
                st.setString(2, to);
                st.setObject(3, copy);
                st.setString(4, from);
                st.setObject(5, e.getKey());
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    private static Map<String, String> references(Map<UUID, UUID> ids) {
        Map<String, String> refs = new HashMap<>();
        ids.forEach((old, fresh) -> refs.put(EvidenceView.REFERENCE_PREFIX + old, EvidenceView.REFERENCE_PREFIX + fresh));
        return refs;
    }

    /**
     * The receiver's case: what was reported (text, place, reporter, channel, attachments, report time), reported
     * again in the receiver's loop. The sender's grid, departments, tier and clock are its own and not copied.
     */
    private static void copyCase(Connection c, CaseTransfer t, UUID copy, String number, CategoryDefinition category,
                                 Map<String, String> evidence) throws SQLException {
        List<String> attachments;
        try (PreparedStatement st = c.prepareStatement(
                "select attachments from case_record where tenant_id = ? and id = ?")) {
            st.setString(1, t.fromDistrict());
            st.setObject(2, t.fromCaseId());
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                attachments = strings(rs.getArray(1));
            }
        }
        try (PreparedStatement st = c.prepareStatement("insert into case_record (id, tenant_id, case_number, title, "
                + "description, category_code, family, channel, status, tier, longitude, latitude, address, "
                + "reporter_name, reporter_phone, reporter_subject, reporter_email, address_id, public_case, attachments, "
                + "reported_at, residence_district, household_district, version) select ?, ?, ?, title, description, "
                + "category_code, family, channel, 'REPORTED', ?, longitude, latitude, address, reporter_name, "
                + "reporter_phone, reporter_subject, reporter_email, address_id, public_case, ?, reported_at, "
                + "residence_district, household_district, 0 from case_record where tenant_id = ? and id = ?")) {
            st.setObject(1, copy);
            st.setString(2, t.toDistrict());
            st.setString(3, number);
            st.setString(4, category.tier().name());
            st.setArray(5, c.createArrayOf("text", rewrite(attachments, evidence).toArray()));
            st.setString(6, t.fromDistrict());
            st.setObject(7, t.fromCaseId());
            st.executeUpdate();
        }
    }

    /** The sender's whole journal under the copy, same numbers; answers the last number. */
    private static int copyJournal(Connection c, CaseTransfer t, UUID copy, Map<String, String> evidence)
            throws SQLException {
        int last = 0;
        try (PreparedStatement read = c.prepareStatement("select seq, occurred_at, actor, action, from_status, "
                + "to_status, note, public_note, attachments from case_journal where tenant_id = ? and case_id = ? "
                + "order by seq");
             PreparedStatement write = c.prepareStatement("insert into case_journal (tenant_id, case_id, seq, "
                     + "occurred_at, actor, action, from_status, to_status, note, public_note, attachments) "
                     + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            read.setString(1, t.fromDistrict());
            read.setObject(2, t.fromCaseId());
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    last = rs.getInt(1);
                    write.setString(1, t.toDistrict());
                    write.setObject(2, copy);
                    write.setInt(3, last);
                    write.setTimestamp(4, rs.getTimestamp(2));
                    write.setString(5, rs.getString(3));
                    write.setString(6, rs.getString(4));
                    write.setString(7, rs.getString(5));
                    write.setString(8, rs.getString(6));
                    write.setString(9, rs.getString(7));
                    write.setString(10, rs.getString(8));
                    write.setArray(11, c.createArrayOf("text",
                            rewrite(strings(rs.getArray(9)), evidence).toArray()));
                    write.addBatch();
                }
            }
            write.executeBatch();
        }
        return last;
    }

    private static void journal(Connection c, String tenant, UUID caseId, CaseAction action, CaseStatus from,
                                CaseStatus to, String actor, Instant at, String note, List<String> attachments)
            throws SQLException {
        int last;
        try (PreparedStatement st = c.prepareStatement(
                "select coalesce(max(seq), 0) from case_journal where tenant_id = ? and case_id = ?")) {
            st.setString(1, tenant);
            st.setObject(2, caseId);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                last = rs.getInt(1);
            }
        }
        journal(c, tenant, caseId, action, from, to, actor, at, note, attachments, last + 1);
    }

    private static void journal(Connection c, String tenant, UUID caseId, CaseAction action, CaseStatus from,
                                CaseStatus to, String actor, Instant at, String note, List<String> attachments,
                                int seq) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("insert into case_journal (tenant_id, case_id, seq, occurred_at, "
                + "actor, action, from_status, to_status, note, attachments) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            st.setString(1, tenant);
            st.setObject(2, caseId);
            st.setInt(3, seq);
            st.setTimestamp(4, Timestamp.from(at));
            st.setString(5, actor);
            st.setString(6, action.name());
            st.setString(7, from.name());
            st.setString(8, to.name());
            st.setString(9, note);
            st.setArray(10, c.createArrayOf("text", attachments.toArray()));
            st.executeUpdate();
        }
    }

    // ---- helpers

    private <T> T work(String tenant, SqlWork<T> work) {
        return db.inTenant(tenant, s -> s.doReturningWork(work::run));
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    private String name(String district) {
        return tenants.find(district).map(TenantDefinition::name).orElse(district);
    }

    private static String who(String actor) {
        String who = CaseWorkflow.actor(actor);
        return who.length() > HibernateSupervisionService.MAX_ACTOR
                ? who.substring(0, HibernateSupervisionService.MAX_ACTOR) : who;
    }

    /** A note or reason: trimmed, at most 1000 characters; 400 naming {@code field}. */
    private static String text(String field, String value, boolean required) {
        String v = value == null ? null : value.strip();
        if (v == null || v.isEmpty()) {
            if (required) {
                throw new ValidationException(field, "必填项 (required): " + field);
            }
            return null;
        }
        if (v.length() > MAX_TEXT) {
            throw new ValidationException(field, "最多 " + MAX_TEXT + " 字 (at most " + MAX_TEXT + " characters)");
        }
        return v;
    }

    private static List<String> rewrite(List<String> attachments, Map<String, String> evidence) {
        return attachments.stream().map(a -> evidence.getOrDefault(a, a)).toList();
    }

    private static List<String> strings(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static NotFoundException noSuchCase(UUID id) {
        return new NotFoundException("案件不存在 (no such case): " + id);
    }

    private static NotFoundException noSuchTransfer(UUID id) {
        return new NotFoundException("转办不存在 (no such transfer): " + id);
    }
}
