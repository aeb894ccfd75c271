package org.gongzhi.core.persistence.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.gongzhi.core.calendar.WorkingCalendar;
import org.gongzhi.core.casework.CaseAction;
import org.gongzhi.core.casework.CaseLifecycle;
import org.gongzhi.core.casework.CaseStatus;
import org.gongzhi.core.casework.CategoryFamily;
import org.gongzhi.core.casework.Channel;
import org.gongzhi.core.casework.SlaTier;
import org.gongzhi.core.grid.GridLevel;
import org.gongzhi.core.grid.GridNode;
import org.gongzhi.core.service.cases.NewCase;
import org.gongzhi.core.service.cases.TransitionCommand;
import org.gongzhi.core.tenant.CategoryDefinition;
import org.gongzhi.core.tenant.DepartmentDefinition;
import org.gongzhi.core.tenant.PersonDefinition;
import org.gongzhi.core.tenant.Role;
import org.gongzhi.core.tenant.TenantDefinition;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * 演示历史的计划: the invented past of one demo district, as a pure function of its definition, a
 * seed and "now". Each case is reported at a believable time and then goes through the closed
 * loop at believable times (the centre registers and dispatches in its duty hours, departments
 * work on working days of the district's calendar, simple matters are done within hours); a few
 * are rejected, returned, postponed, reworked or left stalled, and whatever would happen after
 * "now" has not happened yet, so recent cases are open at every stage. Whether a case is overdue is
 * left to the real SLA clock when the steps are taken. No database; the same inputs give the same
 * plan.
 */
final class HistoryPlanner {

    /** One step to take at {@code at}. */
    record Step(Instant at, TransitionCommand command) {
        CaseAction action() {
            return command.action();
        }
    }

    /** One invented case: the report, who made it, and its steps in time order (all before "now"). */
    record PlannedCase(Instant reportedAt, NewCase report, String reporter, List<Step> steps) {

        /** The status after all steps, by the state machine. */
        CaseStatus status() {
            CaseStatus s = CaseStatus.REPORTED;
            for (Step step : steps) {
                s = CaseLifecycle.next(s, step.action());
            }
            return s;
        }
    }

    /** Share of cases rejected at screening (不予立案), and rejected after registration. */
    static final double REJECTED_AT_REPORT = 0.04;
    static final double REJECTED_AFTER_REGISTER = 0.01;
    /** Share of dispatches first sent to the wrong department, which returns them (退回). */
    static final double RETURNED = 0.04;
    /** Share of feedbacks that fail verification once (返工). */
    static final double REWORKED = 0.08;
    /** Share of coordination and of difficult cases that are postponed (延期). */
    static final double POSTPONED_COORDINATION = 0.06;
    static final double POSTPONED_DIFFICULT = 0.25;
    /** Share of non-simple cases that stall somewhere in handling and are still open (long overdue). */
    static final double STALLED = 0.02;
    /** Share of closed cases that get an evaluation (评价). */
    static final double EVALUATED = 0.75;

    /** The centre's duty hours (调度), every day. */
    private final Hours centre = new Hours(LocalTime.of(8, 0), LocalTime.of(21, 0), false);
    /** Departments' office hours, working days only. */
    private final Hours office = new Hours(LocalTime.of(8, 30), LocalTime.of(17, 30), true);

    private final TenantDefinition tenant;
    private final long seed;
    private final WorkingCalendar calendar;
    private final ZoneId zone;
    private final List<GridNode> grids;
    private final List<String> dispatchers;
    private final List<PersonDefinition> gridWorkers;

    HistoryPlanner(TenantDefinition tenant, long seed) {
        this.tenant = tenant;
        this.seed = seed;
        this.calendar = tenant.calendar();
        this.zone = tenant.timeZone();
        this.grids = tenant.grids().all().stream().filter(g -> g.level() == GridLevel.GRID).toList();
        // the district centre's dispatchers: a street or community centre's (with grids) works only its own area
        this.dispatchers = people(Role.DISPATCHER).stream().filter(p -> p.grids().isEmpty())
                .map(PersonDefinition::username).toList();
        this.gridWorkers = people(Role.GRID_WORKER);
        if (grids.isEmpty()) {
            throw new IllegalArgumentException("district " + tenant.id() + " has no grid");
        }
    }

    /** The seed of a district: fixed per district id, so every run invents the same past. */
    static long seedOf(String tenantId, long base) {
        long h = base;
        for (char ch : tenantId.toCharArray()) {
            h = h * 31 + ch;
        }
        return h;
    }

    /**
     * {@code size} to 25 % more cases (by district) reported over the {@code months} before
     * {@code now}, ordered by report time.
     */
    List<PlannedCase> plan(Instant now, int months, int size) {
        SplittableRandom r = new SplittableRandom(seed);
        int count = (int) Math.round(size * (1 + 0.25 * r.nextDouble()));
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate first = today.minusMonths(months);
        List<LocalDate> days = first.datesUntil(today.plusDays(1)).toList();
        double[] cumulative = new double[days.size()];
        double total = 0;
        for (int i = 0; i < days.size(); i++) {
            LocalDate d = days.get(i);
            double trend = 0.7 + 0.6 * i / Math.max(1, days.size() - 1); // the platform is used more and more
            total += trend * (calendar.isWorkingDay(d) ? 1.0 : 0.55);
            cumulative[i] = total;
        }
        List<PlannedCase> cases = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            SplittableRandom cr = r.split();
            LocalDate day = days.get(index(cumulative, cr.nextDouble() * total));
            cases.add(planCase(cr, day, now));
        }
        cases.sort(Comparator.comparing(PlannedCase::reportedAt));
        return cases;
    }

    private static int index(double[] cumulative, double x) {
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private PlannedCase planCase(SplittableRandom r, LocalDate day, Instant now) {
        Channel channel = channel(r);
        Instant reported = reportTime(r, day, channel);
        if (reported.isAfter(now)) { // today, later than now: earlier today instead
            Instant dayStart = day.atStartOfDay(zone).toInstant();
            reported = dayStart.plusSeconds((long) (r.nextDouble() * Math.max(60, now.getEpochSecond() - dayStart.getEpochSecond() - 60)));
        }
        CategoryDefinition category = category(r);
        GridNode grid = HistoryTexts.pick(r, grids);
        GridNode community = tenant.grids().find(grid.parentCode()).orElse(grid);
        GridNode street = tenant.grids().find(community.parentCode()).orElse(community);
        String place = community.name() + HistoryTexts.spot(r);
        double[] point = pointIn(r, boundary(grid));
        boolean resident = channel == Channel.HOTLINE || channel == Channel.RESIDENT_APP || channel == Channel.QR_CODE;
        String lead = leadDepartment(category);
        String reporter = switch (channel) {
            case GRID_WORKER -> gridWorker(r, grid.code());
            case HOTLINE -> "12345热线";
            case DEPARTMENT -> handler(lead);
            case VIDEO -> "视频巡查";
            default -> "居民" + HistoryTexts.DEMO_MARK;
        };
        NewCase report = new NewCase(HistoryTexts.title(category, place),
                HistoryTexts.description(category, place, channel.labelZh(), r), category.code(), channel,
                point[0], point[1], street.name() + place, grid.code(),
                resident ? HistoryTexts.reporterName(r) : null, resident ? HistoryTexts.reporterPhone(r) : null,
                List.of(), null);
        List<Step> steps = new Loop(r, category, grid.code(), lead, reported).steps();
        List<Step> happened = steps.stream().filter(s -> !s.at().isAfter(now)).toList();
        return new PlannedCase(reported, report, reporter, happened);
    }

    /** The steps of one case, in order, possibly beyond "now" (cut by the caller). */
    private final class Loop {
        private final SplittableRandom r;
        private final CategoryDefinition category;
        private final String grid;
        private final String lead;
        private final SlaTier tier;
        private final List<Step> steps = new ArrayList<>();
        private Instant t;

        Loop(SplittableRandom r, CategoryDefinition category, String grid, String lead, Instant reported) {
            this.r = r;
            this.category = category;
            this.grid = grid;
            this.lead = lead;
            this.tier = category.tier();
            this.t = reported;
        }

        List<Step> steps() {
            String dispatcher = dispatchers.isEmpty() ? "dispatcher" : HistoryTexts.pick(r, dispatchers);
            at(centre.next(after(latency(3, 40, 4 * 60, 0.10)), r));
            if (r.nextDouble() < REJECTED_AT_REPORT) {
                step(CaseAction.REJECT, dispatcher, HistoryTexts.reject(r));
                return steps;
            }
            step(CaseAction.REGISTER, dispatcher, null);
            if (r.nextDouble() < REJECTED_AFTER_REGISTER / (1 - REJECTED_AT_REPORT)) {
                at(centre.next(after(minutes(10, 120)), r));
                step(CaseAction.REJECT, dispatcher, HistoryTexts.reject(r));
                return steps;
            }
            boolean simple = tier == SlaTier.SIMPLE;
            if (tier == SlaTier.DIFFICULT) { // 会商 first: the departments meet before the dispatch names the lead
                at(workingDaysLater(1 + r.nextInt(3)));
            } else {
                at(simple ? after(minutes(1, 8)) : centre.next(after(latency(2, 25, 6 * 60, 0.18)), r));
            }
            if (!simple && r.nextDouble() < RETURNED) {
                String wrong = otherDepartment(r, lead);
                dispatch(dispatcher, wrong, List.of());
                at(office.next(after(minutes(60, 20 * 60)), r));
                step(CaseAction.RETURN, handler(wrong), HistoryTexts.returned(r));
                at(centre.next(after(minutes(10, 90)), r));
            }
            dispatch(dispatcher, lead, coDepartments());
            String handler = simple ? gridWorker(r, grid) : handler(lead);
            at(simple ? after(minutes(2, 15)) : office.next(after(minutes(10, 240)), r));
            step(CaseAction.ACCEPT, handler, null);
            int stallAt = !simple && r.nextDouble() < STALLED ? steps.size() + r.nextInt(3) - 1 : -1;
            handle(handler);
            if (r.nextDouble() < REWORKED) {
                verify();
                step(CaseAction.VERIFY_FAIL, dispatcher, HistoryTexts.rework(r));
                at(simple ? after(minutes(20, 60)) : workingDaysLater(1 + r.nextInt(3)));
                step(CaseAction.FEEDBACK, handler, HistoryTexts.feedback(category, r));
            }
            verify();
            step(CaseAction.VERIFY_PASS, dispatcher, null);
            at(simple ? after(minutes(1, 8)) : centre.next(after(minutes(5, 120)), r));
            step(CaseAction.CLOSE, dispatcher, null);
            if (r.nextDouble() < EVALUATED) {
                at(centre.next(after(minutes(60, 3 * 24 * 60)), r));
                evaluate(dispatcher);
            }
            return stallAt > 0 ? steps.subList(0, Math.min(stallAt, steps.size())) : steps;
        }

        /** Accepted → feedback, with a postponement or a progress note on the way for some. */
        private void handle(String handler) {
            if (tier == SlaTier.SIMPLE) {
                at(after(r.nextDouble() < 0.06 ? minutes(90, 300) : minutes(15, 60)));
                step(CaseAction.FEEDBACK, handler, HistoryTexts.feedback(category, r));
                return;
            }
            int days = tier == SlaTier.DIFFICULT ? 3 + r.nextInt(12) : handlingDays();
            double postpone = tier == SlaTier.DIFFICULT ? POSTPONED_DIFFICULT : POSTPONED_COORDINATION;
            if (r.nextDouble() < postpone) {
                int extra = 3 + r.nextInt(8);
                at(workingDaysLater(Math.max(1, days / 2)));
                postpone(handler, extra);
                at(workingDaysLater(1 + r.nextInt(3)));
                step(CaseAction.RESUME, handler, null);
                days = Math.max(1, days - days / 2) + r.nextInt(extra);
            } else if (r.nextDouble() < 0.2 && days > 1) {
                at(workingDaysLater(1));
                step(CaseAction.PROGRESS, handler, HistoryTexts.progress(r));
                days--;
            }
            at(workingDaysLater(days));
            step(CaseAction.FEEDBACK, handler, HistoryTexts.feedback(category, r));
        }

        /** Working days a coordination case takes: mostly within the 5 allowed, a tail beyond. */
        private int handlingDays() {
            double x = r.nextDouble();
            if (x < 0.10) {
                return 0;
            }
            if (x < 0.28) {
                return 1;
            }
            if (x < 0.50) {
                return 2;
            }
            if (x < 0.70) {
                return 3;
            }
            if (x < 0.91) {
                return 4;
            }
            return 5 + r.nextInt(4);
        }

        private void verify() {
            at(tier == SlaTier.SIMPLE ? after(minutes(5, 25)) : centre.next(after(minutes(30, 8 * 60)), r));
        }

        private void dispatch(String dispatcher, String department, List<String> co) {
            steps.add(new Step(t, new TransitionCommand(CaseAction.DISPATCH, dispatcher, null, List.of(), department, co,
                    null, null, null, null)));
        }

        private List<String> coDepartments() {
            int n = tier == SlaTier.DIFFICULT ? 1 + r.nextInt(2) : tier == SlaTier.COORDINATION && r.nextDouble() < 0.15 ? 1 : 0;
            List<String> co = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String d = otherDepartment(r, lead);
                if (!co.contains(d)) {
                    co.add(d);
                }
            }
            return co;
        }

        private void postpone(String handler, int extraWorkingDays) {
            steps.add(new Step(t, new TransitionCommand(CaseAction.POSTPONE, handler, HistoryTexts.postpone(r), List.of(),
                    null, List.of(), null, extraWorkingDays, null, null)));
        }

        private void evaluate(String dispatcher) {
            double x = r.nextDouble();
            int satisfaction = x < 0.70 ? 5 : x < 0.92 ? 4 : x < 0.97 ? 3 : x < 0.99 ? 2 : 1;
            steps.add(new Step(t, new TransitionCommand(CaseAction.EVALUATE, dispatcher, "回访", List.of(), null, List.of(),
                    null, null, satisfaction, null)));
        }

        private void step(CaseAction action, String actor, String note) {
            steps.add(new Step(t, new TransitionCommand(action, actor, note, List.of(), null, List.of(), null, null, null,
                    null)));
        }

        /** Moves the case's time on; every step at least a minute after the one before. */
        private void at(Instant next) {
            Instant earliest = steps.isEmpty() ? t.plusSeconds(60) : steps.get(steps.size() - 1).at().plusSeconds(60);
            t = next.isBefore(earliest) ? earliest : next;
        }

        private Instant after(Duration d) {
            return t.plus(d);
        }

        /**
         * How long the centre takes: mostly {@code min}–{@code max} minutes, one in five up to
         * {@code slow} minutes, a share {@code nextDay} only on the next duty day (the inbox always
         * has a backlog).
         */
        private Duration latency(int min, int max, int slow, double nextDay) {
            double x = r.nextDouble();
            if (x < nextDay) {
                return minutes(16 * 60, 26 * 60);
            }
            return x < 0.8 ? minutes(min, max) : minutes(max, slow);
        }

        private Duration minutes(int min, int max) {
            return Duration.ofSeconds(60L * min + (long) (r.nextDouble() * 60 * (max - min)));
        }

        /** {@code n} working days after the current day, at a time in office hours. */
        private Instant workingDaysLater(int n) {
            LocalDate d = calendar.plusWorkingDays(LocalDate.ofInstant(t, zone), n);
            if (n == 0) {
                return office.next(t.plus(minutes(60, 5 * 60)), r);
            }
            while (!calendar.isWorkingDay(d)) {
                d = d.plusDays(1);
            }
            return office.at(d, r, zone);
        }
    }

    /** Daily hours in which people act; {@code workingDaysOnly} for departments. */
    private final class Hours {
        private final LocalTime from;
        private final LocalTime to;
        private final boolean workingDaysOnly;

        Hours(LocalTime from, LocalTime to, boolean workingDaysOnly) {
            this.from = from;
            this.to = to;
            this.workingDaysOnly = workingDaysOnly;
        }

        /** {@code t} if within the hours, else a little after they next begin. */
        Instant next(Instant t, SplittableRandom r) {
            ZonedDateTime z = t.atZone(zone);
            LocalDate d = z.toLocalDate();
            LocalTime time = z.toLocalTime();
            if (open(d) && !time.isBefore(from) && time.isBefore(to)) {
                return t;
            }
            if (!time.isBefore(to) || !open(d)) {
                d = d.plusDays(1);
            }
            while (!open(d)) {
                d = d.plusDays(1);
            }
            return d.atTime(from).atZone(zone).toInstant().plusSeconds(60 + (long) (r.nextDouble() * 50 * 60));
        }

        /** A time within the hours of day {@code d}, in the first two thirds of the day. */
        Instant at(LocalDate d, SplittableRandom r, ZoneId z) {
            long span = ChronoUnit.SECONDS.between(from, to) * 2 / 3;
            return d.atTime(from).atZone(z).toInstant().plusSeconds((long) (r.nextDouble() * span));
        }

        private boolean open(LocalDate d) {
            return !workingDaysOnly || calendar.isWorkingDay(d);
        }
    }

    private static final Map<Channel, Double> CHANNELS = Map.of(Channel.GRID_WORKER, 0.42, Channel.HOTLINE, 0.20,
            Channel.RESIDENT_APP, 0.12, Channel.QR_CODE, 0.10, Channel.DEPARTMENT, 0.09, Channel.VIDEO, 0.07);

    private Channel channel(SplittableRandom r) {
        double x = r.nextDouble();
        for (Channel c : List.of(Channel.GRID_WORKER, Channel.HOTLINE, Channel.RESIDENT_APP, Channel.QR_CODE,
                Channel.DEPARTMENT)) {
            x -= CHANNELS.get(c);
            if (x < 0) {
                return c;
            }
        }
        return Channel.VIDEO;
    }

    /** Report time on {@code day}: grid workers and departments in the daytime, residents into the evening, hotline and video around the clock. */
    private Instant reportTime(SplittableRandom r, LocalDate day, Channel channel) {
        double hours = switch (channel) {
            case GRID_WORKER -> 8 + r.nextDouble() * 10;
            case DEPARTMENT -> 8.5 + r.nextDouble() * 9;
            case RESIDENT_APP, QR_CODE -> 7 + r.nextDouble() * 15;
            case HOTLINE -> r.nextDouble() < 0.9 ? 7.5 + r.nextDouble() * 15 : r.nextDouble() * 24;
            default -> r.nextDouble() * 24;
        };
        return day.atStartOfDay(zone).toInstant().plusSeconds((long) (hours * 3600));
    }

    /**
     * A leaf category: the three families in the proportions Donghu reported (city management
     * 28 %, livelihood 29 %, comprehensive governance 42 %), within a family simple matters twice
     * as likely as coordination ones and those four times as likely as difficult ones.
     */
    private CategoryDefinition category(SplittableRandom r) {
        double x = r.nextDouble();
        CategoryFamily family = x < 0.28 ? CategoryFamily.CITY_MANAGEMENT
                : x < 0.57 ? CategoryFamily.LIVELIHOOD : CategoryFamily.COMPREHENSIVE_GOVERNANCE;
        List<CategoryDefinition> leaves = tenant.leafCategories().stream().filter(c -> c.family() == family).toList();
        if (leaves.isEmpty()) {
            leaves = tenant.leafCategories();
        }
        double total = leaves.stream().mapToDouble(HistoryPlanner::weight).sum();
        double y = r.nextDouble() * total;
        for (CategoryDefinition c : leaves) {
            y -= weight(c);
            if (y < 0) {
                return c;
            }
        }
        return leaves.get(leaves.size() - 1);
    }

    private static double weight(CategoryDefinition c) {
        return switch (c.tier()) {
            case SIMPLE -> 8;
            case COORDINATION -> 4;
            case DIFFICULT -> 1;
        };
    }

    /**
     * Simple matters: the grid handles them itself, under the district's own centre (the first
     * department of kind {@code STREET_OFFICE}, counted as resolved at town or village level);
     * others: the first department of the category's kind (the triage's competent department).
     */
    private String leadDepartment(CategoryDefinition category) {
        List<DepartmentDefinition> centre = tenant.departmentsOfKind("STREET_OFFICE");
        if (category.tier() == SlaTier.SIMPLE && !centre.isEmpty()) {
            return centre.get(0).code();
        }
        List<DepartmentDefinition> of = tenant.departmentsOfKind(category.departmentKind());
        return (of.isEmpty() ? tenant.departments() : of).get(0).code();
    }

    private String otherDepartment(SplittableRandom r, String not) {
        List<DepartmentDefinition> others = tenant.departments().stream().filter(d -> !d.code().equals(not)).toList();
        return HistoryTexts.pick(r, others).code();
    }

    /** The district's demo handler of a department, else the department's system account. */
    private String handler(String department) {
        return tenant.people().stream().filter(p -> department.equals(p.department())).map(PersonDefinition::username)
                .findFirst().orElseGet(() -> tenant.department(department).map(DepartmentDefinition::clientId)
                        .orElse(department));
    }

    /** A grid worker of the grid, else any grid worker of the district. */
    private String gridWorker(SplittableRandom r, String grid) {
        List<PersonDefinition> own = gridWorkers.stream().filter(p -> p.grids().stream().anyMatch(grid::startsWith)).toList();
        List<PersonDefinition> from = own.isEmpty() ? gridWorkers : own;
        return from.isEmpty() ? "grid-worker" : HistoryTexts.pick(r, from).username();
    }

    private List<PersonDefinition> people(Role role) {
        return tenant.people().stream().filter(p -> p.roles().contains(role)).toList();
    }

    /** The grid's boundary, else the nearest ancestor's (most demo grids are drawn only to the community). */
    private Geometry boundary(GridNode grid) {
        List<GridNode> path = tenant.grids().pathTo(grid.code());
        for (int i = path.size() - 1; i >= 0; i--) {
            if (path.get(i).boundary().isPresent()) {
                return path.get(i).boundary().get();
            }
        }
        throw new IllegalArgumentException("district " + tenant.id() + " has no boundary above grid " + grid.code());
    }

    private static double[] pointIn(SplittableRandom r, Geometry boundary) {
        Envelope e = boundary.getEnvelopeInternal();
        // the boundaries are rectangles; keep off the edges so the point is inside
        double lon = e.getMinX() + e.getWidth() * (0.1 + 0.8 * r.nextDouble());
        double lat = e.getMinY() + e.getHeight() * (0.1 + 0.8 * r.nextDouble());
        return new double[] {Math.round(lon * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6};
    }
}
