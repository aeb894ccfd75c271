package org.gongzhi.caseloader;

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
import java.util.Objects;
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
 * Writes a district's past into a running platform's database: {@code n} cases reported evenly over a
 * span of days up to now, each with its journal, with PostgreSQL {@code COPY} into the platform's own
 * tables ({@code case_record}, {@code case_journal}) as the platform writes them: case numbers from
 * its sequence {@code case_number_seq} (so cases reported afterwards get the next numbers), the grid
 * path of the district's tree, due and warning times from the district's real working calendar, the
 * three-colour triage where the district enables that plugin, journal {@code seq} 1…k with each
 * entry's status the previous one's successor, {@code version} = k − 1.
 *
 * <p>The mix: category families 28/29/43 % (categories from the district's definition); 85 % of the
 * cases in a grid or building, 10 % in a community, 3 % in a street, 2 % not located; grid workers
 * and the 12345 hotline the main channels; report → dispatch mostly around the 3-minute target
 * (median about 2.5 min, a quarter slower, a few much slower); 3 % rejected, 3 % postponed, 5 %
 * reworked, about 8 % closed late, 0.3 % stuck open (overdue), 60 % of the closed cases evaluated;
 * cases whose next step would lie after now are open in the status they reached, so the recent ones
 * are open at every stage. No real person: reporters are {@code 王女士（演示）}, phones
 * {@code 000-0000-nnnn}, no attachments.
 *
 * <p>Deterministic for a seed apart from "now" and the case ids (random, so that a second load never
 * collides with the first). Not thread-safe; one loader per load.
 */
public final class CaseLoader {

    /** The report → dispatch target of seed 004 ("assigned within 3 minutes"). */
    public static final Duration DISPATCH_TARGET = Duration.ofMinutes(3);

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
    private static final String STREET_OFFICE = "STREET_OFFICE";
    private static final String CENTRE = "loader-dispatcher";
    private static final int BATCH = 5_000;

    private final TenantDefinition tenant;
    private final SlaClock sla;
    private final Random random;
    private final List<GridNode> grids;
    private final List<GridNode> communities;
    private final List<GridNode> streets;
    private final Map<String, String> paths = new HashMap<>();
    private final List<CategoryDefinition> categories;
    private final List<DepartmentDefinition> streetOffices;
    private final boolean threeColour;

    /**
     * @param tenant the district's definition (as the platform loaded it from {@code tenants/<id>})
     * @param seed   the same seed gives the same cases (apart from ids and "now")
     */
    public CaseLoader(TenantDefinition tenant, long seed) {
        this.tenant = Objects.requireNonNull(tenant, "tenant");
        this.sla = tenant.slaClock();
        this.random = new Random(seed);
        this.grids = tenant.grids().all().stream()
                .filter(n -> n.level() == GridLevel.GRID || n.level() == GridLevel.BUILDING).toList();
        this.communities = tenant.grids().all().stream().filter(n -> n.level() == GridLevel.COMMUNITY).toList();
        this.streets = tenant.grids().all().stream().filter(n -> n.level() == GridLevel.STREET).toList();
        this.categories = tenant.leafCategories();
        this.streetOffices = tenant.departmentsOfKind(STREET_OFFICE);
        this.threeColour = tenant.plugins().contains(THREE_COLOUR);
        if (categories.isEmpty() || tenant.departments().isEmpty()) {
            throw new IllegalArgumentException("district " + tenant.id() + " defines no categories or no departments");
        }
    }

    /** The district's cases now. */
    public static long count(Connection db, String tenantId) throws SQLException {
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
     * {@value #BATCH} cases with their journals, then vacuums and analyses both tables. The district's
     * row must exist (the platform creates it at start-up); the connection is left in auto-commit.
     *
     * @return what was written
     */
    public Loaded load(Connection db, long n, Instant now, int days) throws SQLException {
        if (n < 0 || days < 1) {
            throw new IllegalArgumentException("n must not be negative and days must be positive");
        }
        long t0 = System.nanoTime();
        CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
        Instant start = now.minus(Duration.ofDays(days));
        long span = Duration.between(start, now).toMillis();
        long journal = 0;
        db.setAutoCommit(false);
        try {
            for (long done = 0; done < n; done += BATCH) {
                int size = (int) Math.min(BATCH, n - done);
                List<Long> numbers = sequence(db, size);
                StringBuilder cases = new StringBuilder(size * 700);
                StringBuilder entries = new StringBuilder(size * 6 * 120);
                for (int i = 0; i < size; i++) {
                    Instant reported = start.plusMillis((long) ((done + i + random.nextDouble()) * span / n));
                    journal += one(reported, now, numbers.get(i), cases, entries);
                }
                copy.copyIn("copy case_record (" + CASE_COLUMNS + ") from stdin (format csv)", new StringReader(cases.toString()));
                copy.copyIn("copy case_journal (" + JOURNAL_COLUMNS + ") from stdin (format csv)",
                        new StringReader(entries.toString()));
                db.commit();
            }
        } catch (SQLException | IOException | RuntimeException e) {
            db.rollback();
            throw e instanceof SQLException s ? s : new SQLException("COPY failed: " + e.getMessage(), e);
        } finally {
            db.setAutoCommit(true);
        }
        try (Statement s = db.createStatement()) {
            s.execute("vacuum (analyze) case_record");
            s.execute("vacuum (analyze) case_journal");
        }
        return new Loaded(n, journal, Duration.ofNanos(System.nanoTime() - t0));
    }

    /**
     * What a load wrote.
     *
     * @param cases   cases added
     * @param journal journal entries added
     * @param took    time taken, {@code vacuum (analyze)} included
     */
    public record Loaded(long cases, long journal, Duration took) {
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

    /** Writes one case and its journal as CSV lines; answers the number of journal entries. */
    private int one(Instant reported, Instant now, long number, StringBuilder cases, StringBuilder journal) {
        CategoryDefinition category = category();
        SlaTier tier = category.tier();
        GridNode grid = grid();
        Channel channel = channel();
        UUID id = UUID.randomUUID();
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
        field(b, resident ? SURNAMES[random.nextInt(SURNAMES.length)] + "女士（演示）" : null);
        field(b, resident ? String.format("000-0000-%04d", random.nextInt(10_000)) : null);
        field(b, "{}");
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
        return life.steps.size();
    }

    private void outcome(Life life, CategoryDefinition category, SlaTier tier, Instant reported, Instant now) {
        if (random.nextInt(100) < 3) {
            Instant rejected = reported.plus(minutes(10 + random.nextInt(60)));
            if (!rejected.isAfter(now)) {
                life.step(rejected, CENTRE, "REJECT", CaseStatus.REJECTED, "经核实不属于受理范围");
            }
            return;
        }
        Duration toDispatch = dispatchDelay();
        Instant registered = reported.plusMillis(toDispatch.toMillis() * (35 + random.nextInt(30)) / 100);
        if (registered.isAfter(now)) {
            return; // waiting for screening
        }
        life.registered = registered;
        life.due = sla.dueAt(tier, registered);
        life.warning = sla.warningAt(registered, life.due);
        life.step(registered, CENTRE, "REGISTER", CaseStatus.REGISTERED, null);
        Instant dispatched = reported.plus(toDispatch);
        if (dispatched.isAfter(now)) {
            return;
        }
        life.dispatched = dispatched;
        life.lead = lead(category, tier);
        if (random.nextInt(100) < 12) {
            life.co = otherDepartment(life.lead);
        }
        life.step(dispatched, CENTRE, "DISPATCH", CaseStatus.DISPATCHED, null);
        String handler = "service-account-dept-" + life.lead.toLowerCase(java.util.Locale.ROOT);
        Instant accepted = dispatched.plus(minutes(5 + random.nextInt(120)));
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
                life.step(postponed, CENTRE, "POSTPONE", CaseStatus.POSTPONED, "需协调产权单位，延期 5 个工作日");
                Instant resumed = postponed.plus(Duration.ofDays(2));
                if (resumed.isAfter(now)) {
                    return;
                }
                life.step(resumed, CENTRE, "RESUME", CaseStatus.HANDLING, null);
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
            return; // the long tail nobody finishes: open, and overdue once its due time has passed
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
            life.step(failed, CENTRE, "VERIFY_FAIL", CaseStatus.HANDLING, "现场仍未整改到位");
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
        life.step(verified, CENTRE, "VERIFY_PASS", CaseStatus.VERIFIED, null);
        if (closed.isAfter(now)) {
            return;
        }
        life.closed = closed;
        life.step(closed, CENTRE, "CLOSE", CaseStatus.CLOSED, null);
        Instant evaluated = closed.plus(Duration.ofHours(1 + random.nextInt(48)));
        if (random.nextInt(100) < 60 && !evaluated.isAfter(now)) {
            life.satisfaction = random.nextInt(100) < 92 ? 4 + random.nextInt(2) : 1 + random.nextInt(3);
            life.step(evaluated, "loader-resident", "EVALUATE", CaseStatus.EVALUATED, null);
        }
    }

    /**
     * Report → dispatch: 93 % log-normal with a median of 150 s (a quarter of them over 3 minutes, the 90th
     * percentile near 4 minutes); the others 4 to 30 minutes (a busy hour, a case that needs a call).
     */
    private Duration dispatchDelay() {
        if (random.nextInt(100) < 93) {
            double seconds = Math.exp(Math.log(150) + 0.4 * random.nextGaussian());
            return Duration.ofMillis((long) (Math.max(20, seconds) * 1000));
        }
        return Duration.ofSeconds(240 + random.nextInt(1_560));
    }

    /** Simple matters mostly by a street office (镇村两级), the others by the category's competent department. */
    private String lead(CategoryDefinition category, SlaTier tier) {
        if (tier == SlaTier.SIMPLE && !streetOffices.isEmpty() && random.nextInt(100) < 60) {
            return streetOffices.get(random.nextInt(streetOffices.size())).code();
        }
        List<DepartmentDefinition> competent = tenant.departmentsOfKind(category.departmentKind());
        return (competent.isEmpty() ? tenant.departments().get(0) : competent.get(0)).code();
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
            case GRID_WORKER -> "loader-grid-worker";
            case HOTLINE -> "12345热线";
            case DEPARTMENT -> "service-account-dept-cg";
            default -> "loader-resident";
        };
    }

    private CategoryDefinition category() {
        int p = random.nextInt(100);
        CategoryFamily family = p < 28 ? CategoryFamily.CITY_MANAGEMENT
                : p < 57 ? CategoryFamily.LIVELIHOOD : CategoryFamily.COMPREHENSIVE_GOVERNANCE;
        List<CategoryDefinition> ofFamily = categories.stream().filter(c -> c.family() == family).toList();
        List<CategoryDefinition> from = ofFamily.isEmpty() ? categories : ofFamily;
        return from.get(random.nextInt(from.size()));
    }

    private GridNode grid() {
        int p = random.nextInt(100);
        if (p < 85 && !grids.isEmpty()) {
            return grids.get(random.nextInt(grids.size()));
        }
        if (p < 95 && !communities.isEmpty()) {
            return communities.get(random.nextInt(communities.size()));
        }
        return p < 98 && !streets.isEmpty() ? streets.get(random.nextInt(streets.size())) : null;
    }

    private Channel channel() {
        int p = random.nextInt(100);
        return p < 45 ? Channel.GRID_WORKER : p < 70 ? Channel.HOTLINE : p < 82 ? Channel.RESIDENT_APP
                : p < 92 ? Channel.QR_CODE : p < 97 ? Channel.DEPARTMENT : Channel.VIDEO;
    }

    private String otherDepartment(String lead) {
        if (tenant.departments().size() < 2) {
            return null;
        }
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
