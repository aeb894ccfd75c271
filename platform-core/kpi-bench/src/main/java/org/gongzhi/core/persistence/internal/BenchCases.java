package org.gongzhi.core.persistence.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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

/**
 * Synthetic cases of one district as CSV lines for {@code COPY case_record}, in reporting order,
 * deterministic for a seed. The mix follows the seeds: families about 28 / 29 / 43 % (Donghu),
 * grid workers and the hotline as the main channels, most cases closed within their limit, about
 * 5 % reworked, 3 % postponed, 3 % rejected, 60 % of closed cases evaluated; simple cases are
 * often handled by the street office (镇村两级). Due times come from the district's real
 * {@link SlaClock}. Cases whose closure would lie after {@code now} are open, in a status that
 * matches how far they got; 0.3 % are stuck and stay open whatever their age.
 */
final class BenchCases {

    /** The columns written, in CSV order. */
    static final String COLUMNS = "id, tenant_id, case_number, title, description, category_code, family, channel, status, "
            + "tier, grid_code, grid_path, longitude, latitude, address, reporter_name, reporter_phone, attachments, "
            + "lead_department, co_departments, reported_at, registered_at, dispatched_at, feedback_at, closed_at, due_at, "
            + "warning_at, closed_on_time, rework_count, postpone_count, reopen_count, satisfaction, version";

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final String[] STREETS = {"中山路", "人民路", "解放路", "文化路", "建设路", "井冈山大道", "阳明路", "庐陵大道"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周"};

    private final TenantDefinition tenant;
    private final SlaClock sla;
    private final ZoneId zone;
    private final Instant start;
    private final Instant end;
    private final Instant now;
    private final long total;
    private final Random random;
    private final List<GridNode> grids;
    private final List<GridNode> communities;
    private final List<GridNode> streets;
    private final Map<String, String> paths = new HashMap<>();
    private final List<CategoryDefinition> categories;
    private final List<String> townLevel;
    private long next;

    BenchCases(TenantDefinition tenant, Instant start, Instant end, Instant now, long total, long seed) {
        this.tenant = tenant;
        this.sla = tenant.slaClock();
        this.zone = tenant.timeZone();
        this.start = start;
        this.end = end;
        this.now = now;
        this.total = total;
        this.random = new Random(seed);
        this.grids = tenant.grids().all().stream()
                .filter(n -> n.level() == GridLevel.GRID || n.level() == GridLevel.BUILDING).toList();
        this.communities = tenant.grids().all().stream().filter(n -> n.level() == GridLevel.COMMUNITY).toList();
        this.streets = tenant.grids().all().stream().filter(n -> n.level() == GridLevel.STREET).toList();
        this.categories = tenant.leafCategories();
        this.townLevel = tenant.departmentsOfKind(KpiQuery.TOWN_LEVEL_KIND).stream().map(DepartmentDefinition::code).toList();
    }

    boolean hasNext() {
        return next < total;
    }

    /** The next case as one CSV line (with its newline). */
    String next() {
        long i = next++;
        Instant reported = start.plusMillis((long) ((i + random.nextDouble()) * (end.toEpochMilli() - start.toEpochMilli()) / total));
        CategoryDefinition category = category();
        SlaTier tier = category.tier();
        GridNode grid = grid();
        Channel channel = channel();
        Row r = new Row();
        r.reported = reported;
        r.tier = tier;
        r.status = CaseStatus.REPORTED;
        outcome(r, category);
        StringBuilder b = new StringBuilder(700);
        UUID id = new UUID(random.nextLong() & 0xffffffffffff0fffL | 0x4000L, random.nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L);
        String number = tenant.adminCode() + "-" + DAY.format(reported.atZone(zone)) + "-" + String.format("%06d", i % 1_000_000);
        field(b, id.toString());
        field(b, tenant.id());
        field(b, number);
        field(b, category.name());
        field(b, description(category, grid));
        field(b, category.code());
        field(b, category.family().name());
        field(b, channel.wireName());
        field(b, r.status.name());
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
        field(b, r.lead);
        field(b, r.co == null ? "{}" : "{" + r.co + "}");
        field(b, instant(r.reported));
        field(b, instant(r.registered));
        field(b, instant(r.dispatched));
        field(b, instant(r.feedback));
        field(b, instant(r.closed));
        field(b, instant(r.due));
        field(b, instant(r.warning));
        field(b, r.closed == null ? null : String.valueOf(!r.closed.isAfter(r.due)));
        field(b, String.valueOf(r.reworks));
        field(b, String.valueOf(r.postpones));
        field(b, "0");
        field(b, r.satisfaction == 0 ? null : String.valueOf(r.satisfaction));
        b.append(r.version).append('\n');
        return b.toString();
    }

    /** Mutable state of the case being generated. */
    private static final class Row {
        Instant reported, registered, dispatched, feedback, closed, due, warning;
        SlaTier tier;
        CaseStatus status;
        String lead, co;
        int reworks, postpones, satisfaction, version = 1;
    }

    private void outcome(Row r, CategoryDefinition category) {
        if (random.nextInt(100) < 3) {
            r.status = CaseStatus.REJECTED;
            r.version = 2;
            return;
        }
        Instant registered = r.reported.plus(minutes(3 + random.nextInt(120)));
        if (registered.isAfter(now)) {
            return; // still waiting for screening
        }
        r.registered = registered;
        r.due = sla.dueAt(r.tier, registered);
        r.status = CaseStatus.REGISTERED;
        r.version = 2;
        Instant dispatched = registered.plus(minutes(1 + random.nextInt(30)));
        if (dispatched.isAfter(now)) {
            r.warning = sla.warningAt(registered, r.due);
            return;
        }
        r.dispatched = dispatched;
        boolean town = r.tier == SlaTier.SIMPLE ? random.nextInt(100) < 70 : random.nextInt(100) < 15;
        r.lead = town && !townLevel.isEmpty() ? townLevel.get(random.nextInt(townLevel.size())) : competent(category);
        if (random.nextInt(100) < 12) {
            r.co = otherDepartment(r.lead);
        }
        r.status = CaseStatus.HANDLING;
        r.version = 4;
        if (random.nextInt(100) < 3) {
            r.postpones = 1;
            r.due = sla.extend(r.due, 5);
        }
        r.warning = sla.warningAt(registered, r.due);
        Duration allowed = Duration.between(registered, r.due);
        // most finish well inside the limit; about 8 % run over it
        double share = random.nextInt(100) < 8 ? 1.05 + random.nextDouble() * 1.5 : 0.05 + random.nextDouble() * 0.9;
        Instant closed = registered.plus(Duration.ofSeconds((long) (allowed.toSeconds() * share)));
        if (random.nextInt(100) < 5) {
            r.reworks = random.nextInt(100) < 20 ? 2 : 1;
            closed = closed.plus(Duration.ofHours(4L * r.reworks));
        }
        Instant feedback = closed.minus(minutes(10 + random.nextInt(120)));
        boolean stuck = random.nextInt(1000) < 3; // the long tail nobody closes
        if (stuck || closed.isAfter(now)) {
            if (r.postpones > 0) {
                r.status = CaseStatus.POSTPONED;
            } else if (!feedback.isAfter(now)) {
                r.feedback = feedback;
                r.status = CaseStatus.FEEDBACK;
            } else if (random.nextInt(10) == 0) {
                r.status = CaseStatus.DISPATCHED;
            }
            return;
        }
        r.feedback = feedback;
        r.closed = closed;
        r.status = CaseStatus.CLOSED;
        r.version = 7 + 2 * r.reworks + 2 * r.postpones;
        if (random.nextInt(100) < 60) {
            r.status = CaseStatus.EVALUATED;
            r.satisfaction = random.nextInt(100) < 92 ? 4 + random.nextInt(2) : 1 + random.nextInt(3);
            r.version++;
        }
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
        if (p < 98) {
            return streets.get(random.nextInt(streets.size()));
        }
        return null;
    }

    private Channel channel() {
        int p = random.nextInt(100);
        return p < 45 ? Channel.GRID_WORKER : p < 70 ? Channel.HOTLINE : p < 82 ? Channel.RESIDENT_APP
                : p < 92 ? Channel.QR_CODE : p < 97 ? Channel.DEPARTMENT : Channel.VIDEO;
    }

    private String competent(CategoryDefinition c) {
        List<DepartmentDefinition> kind = tenant.departmentsOfKind(c.departmentKind());
        return kind.isEmpty() ? tenant.departments().get(0).code() : kind.get(0).code();
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

    private String description(CategoryDefinition c, GridNode grid) {
        return (grid == null ? "辖区内" : grid.name()) + "群众反映" + c.name() + "问题，请相关部门尽快核实处理并反馈结果。"
                + (random.nextBoolean() ? "现场已拍照取证。" : "");
    }

    private static Duration minutes(long m) {
        return Duration.ofMinutes(m);
    }

    private static String instant(Instant i) {
        return i == null ? null : i.toString();
    }

    /** One CSV field and its comma: null as an empty unquoted field, text always quoted. */
    private static void field(StringBuilder b, String value) {
        if (value != null) {
            b.append('"').append(value.replace("\"", "\"\"")).append('"');
        }
        b.append(',');
    }

    /** The first instant of a local date in the district's zone. */
    static Instant dayStart(TenantDefinition tenant, LocalDate day) {
        return day.atStartOfDay(tenant.timeZone()).toInstant();
    }
}
