package org.gongzhi.core.tenant.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.gongzhi.core.calendar.WorkingCalendar;

/**
 * Parses a calendar file: {@code weekend} (day names, default SATURDAY and SUNDAY),
 * {@code holidays} and {@code makeUpWorkdays} (ISO dates).
 */
public final class CalendarParser {

    private CalendarParser() {
    }

    public static WorkingCalendar parse(Field root, ZoneId zone) {
        root.requireObject(Set.of("weekend", "holidays", "makeUpWorkdays"));
        Field weekendField = root.get("weekend");
        Set<DayOfWeek> weekend = EnumSet.noneOf(DayOfWeek.class);
        if (weekendField.isMissing()) {
            weekend.add(DayOfWeek.SATURDAY);
            weekend.add(DayOfWeek.SUNDAY);
        }
        for (Field f : weekendField.elements()) {
            weekend.add(f.parse(s -> DayOfWeek.valueOf(s.toUpperCase(Locale.ROOT)), "a day of the week such as SATURDAY"));
        }
        Set<LocalDate> holidays = dates(root.get("holidays"));
        Set<LocalDate> makeUp = dates(root.get("makeUpWorkdays"));
        try {
            return new WorkingCalendar(zone, weekend, holidays, makeUp);
        } catch (IllegalArgumentException e) {
            throw root.error(e.getMessage(), e);
        }
    }

    private static Set<LocalDate> dates(Field list) {
        Set<LocalDate> out = new LinkedHashSet<>();
        for (Field f : list.elements()) {
            out.add(f.parse(LocalDate::parse, "an ISO date such as 2026-01-01"));
        }
        return out;
    }
}
