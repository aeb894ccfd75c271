package org.gongzhi.core.calendar;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Working-day calendar (工作日历) of one tenant: a weekend, public holidays (法定节假日) and
 * make-up workdays (调休上班日). Immutable and thread-safe.
 *
 * <p>A day is a working day when it is a make-up workday, or else when it is neither a weekend
 * day nor a holiday. A date may not be both a holiday and a make-up workday.
 */
public final class WorkingCalendar {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final ZoneId zone;
    private final Set<DayOfWeek> weekend;
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> makeUpWorkdays;

    /**
     * @param zone           time zone in which dates are read (Asia/Shanghai for Chinese tenants)
     * @param weekend        rest days of the week, fewer than seven
     * @param holidays       public holidays (non-working even on a weekday)
     * @param makeUpWorkdays make-up workdays (working even on a weekend)
     * @throws IllegalArgumentException if the weekend has seven days or a date is both a holiday and a make-up workday
     */
    @JsonCreator
    public WorkingCalendar(@JsonProperty("zone") ZoneId zone,
                           @JsonProperty("weekend") Set<DayOfWeek> weekend,
                           @JsonProperty("holidays") Set<LocalDate> holidays,
                           @JsonProperty("makeUpWorkdays") Set<LocalDate> makeUpWorkdays) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.weekend = weekend == null || weekend.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.noneOf(DayOfWeek.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(weekend));
        this.holidays = sortedCopy(holidays);
        this.makeUpWorkdays = sortedCopy(makeUpWorkdays);
        if (this.weekend.size() == DayOfWeek.values().length) {
            throw new IllegalArgumentException("weekend must leave at least one working day of the week");
        }
        for (LocalDate d : this.holidays) {
            if (this.makeUpWorkdays.contains(d)) {
                throw new IllegalArgumentException("date " + d + " is both a holiday and a make-up workday");
            }
        }
    }

    private static Set<LocalDate> sortedCopy(Set<LocalDate> dates) {
        TreeSet<LocalDate> copy = new TreeSet<>();
        if (dates != null) {
            for (LocalDate d : dates) {
                copy.add(Objects.requireNonNull(d, "date"));
            }
        }
        return Collections.unmodifiableSet(copy);
    }

    /** Asia/Shanghai, Saturday and Sunday off, no holidays and no make-up workdays. */
    public static WorkingCalendar chinaDefault() {
        return new WorkingCalendar(SHANGHAI, EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), Set.of(), Set.of());
    }

    /** The time zone in which instants are turned into calendar dates. */
    @JsonProperty("zone")
    public ZoneId zone() {
        return zone;
    }

    /** Rest days of the week (unmodifiable). */
    @JsonProperty("weekend")
    public Set<DayOfWeek> weekend() {
        return weekend;
    }

    /** Public holidays, sorted (unmodifiable). */
    @JsonProperty("holidays")
    public Set<LocalDate> holidays() {
        return holidays;
    }

    /** Make-up workdays (调休上班日), sorted (unmodifiable). */
    @JsonProperty("makeUpWorkdays")
    public Set<LocalDate> makeUpWorkdays() {
        return makeUpWorkdays;
    }

    /** Make-up workday ⇒ working; else holiday or weekend ⇒ not working; else working. */
    public boolean isWorkingDay(LocalDate date) {
        Objects.requireNonNull(date, "date");
        if (makeUpWorkdays.contains(date)) {
            return true;
        }
        return !holidays.contains(date) && !weekend.contains(date.getDayOfWeek());
    }

    /**
     * The {@code n}-th working day after {@code start}; the start day itself is not counted,
     * whether or not it is a working day. {@code n == 0} returns {@code start}.
     *
     * @throws IllegalArgumentException if {@code n < 0}
     */
    public LocalDate plusWorkingDays(LocalDate start, int n) {
        Objects.requireNonNull(start, "start");
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0: " + n);
        }
        LocalDate d = start;
        int left = n;
        while (left > 0) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    /**
     * Deadline of a period of {@code n} working days starting at {@code start}, following the
     * period rules of the PRC Civil Code (民法典) arts. 201 and 203: the day on which the period
     * starts is not counted (开始的当日不计入) and the period ends at 24:00 of its last day
     * (最后一日的截止时间为二十四时). The result is therefore 00:00 (in {@link #zone()}) of the day
     * after the {@code n}-th working day following the local date of {@code start}. Because only
     * working days are counted, a last day that falls on a rest day is never produced (art. 203).
     *
     * @throws IllegalArgumentException if {@code n < 0}
     */
    public Instant dueAfterWorkingDays(Instant start, int n) {
        Objects.requireNonNull(start, "start");
        LocalDate last = plusWorkingDays(start.atZone(zone).toLocalDate(), n);
        return last.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** Plain wall-clock deadline {@code start + d}, regardless of working days (used for 2-hour matters). */
    public Instant dueAfterHours(Instant start, Duration d) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(d, "d");
        if (d.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative: " + d);
        }
        return start.plus(d);
    }

    /**
     * Number of working days {@code d} with {@code a < d <= b}, so that
     * {@code workingDaysBetween(a, plusWorkingDays(a, n)) == n}. Negative when {@code b} is before {@code a}.
     */
    public long workingDaysBetween(LocalDate a, LocalDate b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        if (b.isBefore(a)) {
            return -workingDaysBetween(b, a);
        }
        long count = 0;
        for (LocalDate d = a.plusDays(1); !d.isAfter(b); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WorkingCalendar c && zone.equals(c.zone) && weekend.equals(c.weekend)
                && holidays.equals(c.holidays) && makeUpWorkdays.equals(c.makeUpWorkdays);
    }

    @Override
    public int hashCode() {
        return Objects.hash(zone, weekend, holidays, makeUpWorkdays);
    }

    @Override
    public String toString() {
        return "WorkingCalendar[zone=" + zone + ", weekend=" + weekend + ", holidays=" + holidays.size()
                + ", makeUpWorkdays=" + makeUpWorkdays.size() + "]";
    }
}
