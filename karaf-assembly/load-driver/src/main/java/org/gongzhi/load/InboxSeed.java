package org.gongzhi.load;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;

import org.gongzhi.core.calendar.SlaClock;
import org.gongzhi.core.casework.CaseStatus;
import org.gongzhi.core.casework.CategoryFamily;
import org.gongzhi.core.casework.Channel;
import org.gongzhi.core.casework.SlaTier;
import org.gongzhi.core.grid.GridLevel;
import org.gongzhi.core.grid.GridNode;
import org.gongzhi.core.tenant.CategoryDefinition;
import org.gongzhi.core.tenant.DepartmentDefinition;
import org.gongzhi.core.tenant.TenantDefinition;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Fills a running platform's database with a district's past: cases reported evenly over the last
 * {@code days} days up to now, each with its journal, written with {@code COPY} into the platform's
 * own tables as the platform writes them (case numbers from its sequence, due and warning times from
 * the district's real working calendar, the three-colour triage where the district enables it,
 * {@code version} = journal entries − 1). The mix: families 28/29/43 %, grid workers and the hotline
 * the main channels, 3 % rejected, 3 % postponed, 5 % reworked, about 8 % closed late, 0.3 % stuck
 * open, 60 % of closed cases evaluated; cases whose steps would lie after now are open in the status
 * they reached. Deterministic for a seed (apart from "now"). Tops up: only the cases the district
 * lacks to reach the target are added.
 */
final class InboxSeed {

    private static final String CASE_COLUMNS = "id, tenant_id, case_number, title, description, category_code, family, "
            + "channel, status, tier, grid_code, grid_path, longitude, latitude, address, reporter_name, reporter_phone, "
            + "attachments, lead_department, co_departments, reported_at, registered_at, dispatched_at, feedback_at, "
            + "closed_at, due_at, warning_at, closed_on_time, rework_count, postpone_count, reopen_count, satisfaction, "
            + "version, triage_model, triage_attributes, triage_copy_competent, public_case";
    private static final String JOURNAL_COLUMNS = "tenant_id, case_id, seq, occurred_at, actor, action, from_status, "
            + "to_status, note, attachments";
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final String[] STREETS = {"中山路", "人民路", "解放路", "文化路", "建设路", "井冈山大道", "阳明路", "庐陵大道"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周"};
    private static final String THREE_COLOUR = "three-colour-grid";
    private static final int BATCH = 5_000;

    private final TenantDefinition tenant;
    private final SlaClock sla;
    private final Random random;
    private final List<GridNode> grids;
    private final List<GridNode> communities;
    private final List<GridNode> streets;
    private final Map<String, String> paths = new HashMap<>();
    private final List<CategoryDefinition> categories;
    private final boolean threeColour;

    InboxSeed(TenantDefinition tenant, long seed) {
        this.tenant = tenant;
        this.sla = tenant.slaClock();
        this.random = new Random(seed);
        this.grids = tenant.grids().all().stream()
                .filter(n -> n.level() == GridLevel.GRID || n.level() == GridLevel.BUILDING).toList();
        this.communities = tenant.grids().all().stream().filter(n -> n.level() == GridLevel.COMMUNITY).toList();
        this.streets = tenant.grids().all().stream().filter(n -> n.level() == GridLevel.STREET).toList();
        this.categories = tenant.leafCategories();
        this.threeColour = tenant.plugins().contains(THREE_COLOUR);
    }

    /** The district's cases now. */
    static long count(Connection db, String tenantId) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("select count(*) from case_record where tenant_id = ?")) {
            s.setString(1, tenantId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /**
     * Adds {@code n} cases reported between {@code now − days} and {@code now}, in transactions of
     * {@value #BATCH} cases with their journals, then vacuums and analyses both tables.
     */
    void load(Connection db, long n, Instant now, int days) throws SQLException, IOException {
        CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
        Instant start = now.minus(Duration.ofDays(days));
        long span = Duration.between(start, now).toMillis();
        db.setAutoCommit(false);
        for (long done = 0; done < n; done += BATCH) {
            int size = (int) Math.min(BATCH, n - done);
            List<Long> numbers = sequence(db, size);
            StringBuilder cases = new StringBuilder(size * 700);
            StringBuilder journal = new StringBuilder(size * 6 * 120);
            for (int i = 0; i < size; i++) {
                Instant reported = start.plusMillis((long) ((done + i + random.nextDouble()) * span / n));
                one(reported, now, numbers.get(i), cases, journal);
            }
            copy.copyIn("copy case_record (" + CASE_COLUMNS + ") from stdin (format csv)", new StringReader(cases.toString()));
            copy.copyIn("copy case_journal (" + JOURNAL_COLUMNS + ") from stdin (format csv)",
                    new StringReader(journal.toString()));
            db.commit();
        }
        db.setAutoCommit(true);
        try (Statement s = db.createStatement()) {
            s.execute("vacuum (analyze) case_record");
            s.execute("vacuum (analyze) case_journal");
        }
    }

    private static List<Long> sequence(Connection db, int size) throws SQLException {
        List<Long> values = new ArrayList<>(size);
        try (PreparedStatement s = db.prepareStatement("select nextval('case_number_seq') from generate_series(1, ?)")) {
            s.setInt(1, size);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    values.add(r.getLong(1));
                }
            }
        }
        return values;
    }

    /** The steps a case went through, and its columns. */
    private static final class Life {
        final List<String[]> steps = new ArrayList<>(); // at, actor, action, from, to, note
        CaseStatus status = CaseStatus.REPORTED;
        Instant registered, dispatched, feedback, closed, due, warning;
        String lead, co;
        int reworks, postpones, satisfaction;

        void step(Instant at, String actor, String action, CaseStatus to, String note) {
            steps.add(new String[] {at.toString(), actor, action, action == null ? null : status.name(), to.name(), note});
            status = to;
        }
    }

    private void one(Instant reported, Instant now, long number, StringBuilder cases, StringBuilder journal) {
        CategoryDefinition category = category();
        SlaTier tier = category.tier();
        GridNode grid = grid();
        Channel channel = channel();
        UUID id = new UUID(random.nextLong() & 0xffffffffffff0fffL | 0x4000L,
                random.nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L);
        Life life = new Life();
        life.step(reported, reporter(channel), null, CaseStatus.REPORTED, category.name() + "，请尽快处理");
        outcome(life, category, tier, reported, now);

        StringBuilder b = cases;
        field(b, id.toString());
        field(b, tenant.id());
        field(b, tenant.adminCode() + "-" + LocalDate.ofInstant(reported, tenant.timeZone()).format(DAY) + "-"
                + String.format("%06d", number % 1_000_000));
        field(b, category.name());
        field(b, (grid == null ? "辖区内" : grid.name()) + "群众反映" + category.name() + "问题，请相关部门尽快核实处理并反馈结果。");
        field(b, category.code());
        field(b, category.family().name());
        field(b, channel.wireName());
        field(b, life.status.name());
        field(b, tier.name());
        field(b, grid == null ? null : grid.code());
        field(b, grid == null ? null : path(grid));
        field(b, grid == null ? null : String.valueOf(114.9 + random.nextDouble() * 0.1));
        field(b, grid == null ? null : String.valueOf(27.05 + random.nextDouble() * 0.1));
        field(b, STREETS[random.nextInt(STREETS.length)] + (1 + random.nextInt(300)) + "号");
        boolean resident = channel == Channel.HOTLINE || channel == Channel.RESIDENT_APP || channel == Channel.QR_CODE;
        field(b, resident ? SURNAMES[random.nextInt(SURNAMES.length)] + "先生" : null);
        field(b, resident ? "1" + (3 + random.nextInt(6)) + String.format("%09d", random.nextInt(1_000_000_000)) : null);
        field(b, random.nextInt(10) < 6 ? "{https://files.gongzhi.example/" + id + "/1.jpg}" : "{}");
        field(b, life.lead);
        field(b, life.co == null ? "{}" : "{" + life.co + "}");
        field(b, reported.toString());
        field(b, text(life.registered));
        field(b, text(life.dispatched));
        field(b, text(life.feedback));
        field(b, text(life.closed));
        field(b, text(life.due));
        field(b, text(life.warning));
        field(b, life.closed == null ? null : String.valueOf(!life.closed.isAfter(life.due)));
        field(b, String.valueOf(life.reworks));
        field(b, String.valueOf(life.postpones));
        field(b, "0");
        field(b, life.satisfaction == 0 ? null : String.valueOf(life.satisfaction));
        field(b, String.valueOf(life.steps.size() - 1));
        boolean triaged = threeColour && life.registered != null;
        field(b, triaged ? THREE_COLOUR : null);
        field(b, triaged ? colours(tier) : null);
        field(b, String.valueOf(triaged && tier == SlaTier.COORDINATION));
        b.append("false\n");

        int seq = 1;
        for (String[] s : life.steps) {
            field(journal, tenant.id());
            field(journal, id.toString());
            field(journal, String.valueOf(seq++));
            field(journal, s[0]);
            field(journal, s[1]);
            field(journal, s[2]);
            field(journal, s[3]);
            field(journal, s[4]);
            field(journal, s[5]);
            journal.append("{}\n");
        }
    }

    private void outcome(Life life, CategoryDefinition category, SlaTier tier, Instant reported, Instant now) {
        String centre = "bench-dispatcher";
        if (random.nextInt(100) < 3) {
            Instant rejected = reported.plus(minutes(10 + random.nextInt(60)));
            if (!rejected.isAfter(now)) {
                life.step(rejected, centre, "REJECT", CaseStatus.REJECTED, "经核实不属于受理范围");
            }
            return;
        }
        Instant registered = reported.plus(minutes(3 + random.nextInt(120)));
        if (registered.isAfter(now)) {
            return; // waiting for screening
        }
        life.registered = registered;
        life.due = sla.dueAt(tier, registered);
        life.warning = sla.warningAt(registered, life.due);
        life.step(registered, centre, "REGISTER", CaseStatus.REGISTERED, null);
        Instant dispatched = registered.plus(minutes(1 + random.nextInt(30)));
        if (dispatched.isAfter(now)) {
            return;
        }
        life.dispatched = dispatched;
        List<DepartmentDefinition> competent = tenant.departmentsOfKind(category.departmentKind());
        life.lead = (competent.isEmpty() ? tenant.departments().get(0) : competent.get(0)).code();
        if (random.nextInt(100) < 12) {
            life.co = otherDepartment(life.lead);
        }
        life.step(dispatched, centre, "DISPATCH", CaseStatus.DISPATCHED, null);
        String handler = "service-account-dept-" + life.lead.toLowerCase();
        Instant accepted = dispatched.plus(minutes(5 + random.nextInt(240)));
        if (accepted.isAfter(now)) {
            return;
        }
        life.step(accepted, handler, "ACCEPT", CaseStatus.HANDLING, null);
        if (random.nextInt(100) < 3) {
            Instant postponed = accepted.plus(minutes(30));
            if (!postponed.isAfter(now)) {
                life.postpones = 1;
                life.due = sla.extend(life.due, 5);
                life.warning = sla.warningAt(registered, life.due);
                life.step(postponed, centre, "POSTPONE", CaseStatus.POSTPONED, "需协调产权单位，延期 5 个工作日");
                Instant resumed = postponed.plus(Duration.ofDays(2));
                if (resumed.isAfter(now)) {
                    return;
                }
                life.step(resumed, centre, "RESUME", CaseStatus.HANDLING, null);
            }
        }
        Duration allowed = Duration.between(registered, life.due);
        double share = random.nextInt(100) < 8 ? 1.05 + random.nextDouble() * 1.5 : 0.05 + random.nextDouble() * 0.9;
        Instant closed = registered.plus(Duration.ofSeconds((long) (allowed.toSeconds() * share)));
        Instant feedback = closed.minus(minutes(15 + random.nextInt(90)));
        if (feedback.isBefore(accepted)) {
            feedback = accepted.plus(minutes(5));
            closed = feedback.plus(minutes(20));
        }
        if (random.nextInt(1000) < 3) {
            return; // the long tail nobody finishes
        }
        if (random.nextInt(100) < 5) {
            if (feedback.isAfter(now)) {
                return;
            }
            life.step(feedback, handler, "FEEDBACK", CaseStatus.FEEDBACK, "已处置");
            Instant failed = feedback.plus(minutes(5));
            if (failed.isAfter(now)) {
                return;
            }
            life.step(failed, centre, "VERIFY_FAIL", CaseStatus.HANDLING, "现场仍未整改到位");
            life.reworks = 1;
            feedback = failed.plus(Duration.ofHours(2));
            closed = feedback.plus(minutes(20));
        }
        if (feedback.isAfter(now)) {
            return;
        }
        life.feedback = feedback;
        life.step(feedback, handler, "FEEDBACK", CaseStatus.FEEDBACK, "已处置完毕");
        Instant verified = closed.minus(minutes(5));
        if (verified.isAfter(now)) {
            return;
        }
        life.step(verified, centre, "VERIFY_PASS", CaseStatus.VERIFIED, null);
        if (closed.isAfter(now)) {
            return;
        }
        life.closed = closed;
        life.step(closed, centre, "CLOSE", CaseStatus.CLOSED, null);
        Instant evaluated = closed.plus(Duration.ofHours(1 + random.nextInt(48)));
        if (random.nextInt(100) < 60 && !evaluated.isAfter(now)) {
            life.satisfaction = random.nextInt(100) < 92 ? 4 + random.nextInt(2) : 1 + random.nextInt(3);
            life.step(evaluated, "bench-resident", "EVALUATE", CaseStatus.EVALUATED, null);
        }
    }

    /** The three-colour grid's attributes by tier, as its triage shows them. */
    private static String colours(SlaTier tier) {
        String colour = switch (tier) {
            case SIMPLE -> "green";
            case COORDINATION -> "yellow";
            case DIFFICULT -> "red";
        };
        String label = switch (tier) {
            case SIMPLE -> "绿";
            case COORDINATION -> "黄";
            case DIFFICULT -> "红";
        };
        return "{\"colour\":\"" + colour + "\",\"colourLabel\":\"" + label + "\",\"method\":\"一格八员、一网三色\"}";
    }

    private static String reporter(Channel channel) {
        return switch (channel) {
            case GRID_WORKER -> "bench-grid-worker";
            case HOTLINE -> "12345热线";
            case DEPARTMENT -> "service-account-dept-cg";
            default -> "bench-resident";
        };
    }

    private CategoryDefinition category() {
        int p = random.nextInt(100);
        CategoryFamily family = p < 28 ? CategoryFamily.CITY_MANAGEMENT
                : p < 57 ? CategoryFamily.LIVELIHOOD : CategoryFamily.COMPREHENSIVE_GOVERNANCE;
        while (true) {
            CategoryDefinition c = categories.get(random.nextInt(categories.size()));
            if (c.family() == family) {
                return c;
            }
        }
    }

    private GridNode grid() {
        int p = random.nextInt(100);
        if (p < 85) {
            return grids.get(random.nextInt(grids.size()));
        }
        if (p < 95) {
            return communities.get(random.nextInt(communities.size()));
        }
        return p < 98 ? streets.get(random.nextInt(streets.size())) : null;
    }

    private Channel channel() {
        int p = random.nextInt(100);
        return p < 45 ? Channel.GRID_WORKER : p < 70 ? Channel.HOTLINE : p < 82 ? Channel.RESIDENT_APP
                : p < 92 ? Channel.QR_CODE : p < 97 ? Channel.DEPARTMENT : Channel.VIDEO;
    }

    private String otherDepartment(String lead) {
        while (true) {
            String code = tenant.departments().get(random.nextInt(tenant.departments().size())).code();
            if (!code.equals(lead)) {
                return code;
            }
        }
    }

    private String path(GridNode grid) {
        return paths.computeIfAbsent(grid.code(), code ->
                tenant.grids().pathTo(code).stream().map(GridNode::code).collect(Collectors.joining("/")));
    }

    private static Duration minutes(long m) {
        return Duration.ofMinutes(m);
    }

    private static String text(Instant i) {
        return i == null ? null : i.toString();
    }

    /** One CSV field and its comma: null as an empty unquoted field, text always quoted. */
    private static void field(StringBuilder b, String value) {
        if (value != null) {
            b.append('"').append(value.replace("\"", "\"\"")).append('"');
        }
        b.append(',');
    }
}
