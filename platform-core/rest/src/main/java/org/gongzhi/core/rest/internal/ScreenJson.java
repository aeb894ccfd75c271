package org.gongzhi.core.rest.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.gongzhi.core.casework.WireNames;
import org.gongzhi.core.service.events.CaseEvent;
import org.gongzhi.core.service.screen.DistrictMode;
import org.gongzhi.core.service.screen.DistrictScreen.DepartmentRow;
import org.gongzhi.core.service.screen.DistrictScreen.Dispatch;
import org.gongzhi.core.service.screen.DistrictScreen.Grids;
import org.gongzhi.core.service.screen.DistrictScreen.Month;
import org.gongzhi.core.service.screen.DistrictScreen.Today;
import org.gongzhi.core.service.screen.DistrictScreen.TrendMonth;
import org.gongzhi.core.service.screen.DistrictScreen;

/**
 * Wire forms of the wall screens' answers (issue 15 contract, "Screen figures"): the figures of
 * {@link DistrictScreen} with the district's mode ({@link ModeJson}) and newest events ({@link EventJson.Case}, as
 * the event stream sends them), the family as a wire name. No personal data: events carry codes and statuses only.
 */
final class ScreenJson {

    private ScreenJson() {
    }

    /** {@code GET /api/v1/tenants/{tenant}/screen}. */
    record District(String tenant, String name, Instant generatedAt, ModeJson mode, Today today, long open, long overdue,
                    long warning, Month month, List<TrendMonth> trend, List<Family> families,
                    List<DepartmentRow> departments, Grids grids, Map<String, Long> openByGrid, Dispatch dispatchToday,
                    List<EventJson.Case> recent) {

        static District of(DistrictScreen s, DistrictMode mode, List<CaseEvent> recent) {
            return new District(s.tenant(), s.name(), s.generatedAt(), ModeJson.of(mode), s.today(), s.open(), s.overdue(),
                    s.warning(), s.month(), s.trend(),
                    s.families().stream().map(f -> new Family(WireNames.of(f.family()), f.reported(), f.open())).toList(),
                    s.departments(), s.grids(), s.openByGrid(), s.dispatchToday(),
                    recent.stream().map(EventJson.Case::of).toList());
        }
    }

    /** A category family by its wire name ({@code city-management} …). */
    record Family(String family, long reported, long open) {
    }

    /**
     * {@code GET /api/v1/city/screen}: the districts side by side, their totals, and the city's newest
     * {@code recentSize} events (every district's newest merged, newest last), so the wall's feed is full at once.
     */
    record City(Instant generatedAt, List<CityDistrict> districts, Totals totals, List<EventJson.Case> recent) {

        static City of(Instant at, List<District> districts, int recentSize) {
            List<CityDistrict> rows = districts.stream().map(d -> new CityDistrict(d.tenant(), d.name(), d.mode(),
                    d.today(), d.open(), d.overdue(), d.month(), d.dispatchToday())).toList();
            String period = districts.isEmpty() ? null : districts.get(0).month().period();
            Totals totals = new Totals(Today.sum(rows.stream().map(CityDistrict::today).toList()),
                    rows.stream().mapToLong(CityDistrict::open).sum(), rows.stream().mapToLong(CityDistrict::overdue).sum(),
                    Month.sum(period, rows.stream().map(CityDistrict::month).toList()));
            List<EventJson.Case> merged = districts.stream().flatMap(d -> d.recent().stream())
                    .sorted(EventJson.OLDEST_FIRST).toList();
            return new City(at, rows, totals, merged.subList(Math.max(0, merged.size() - recentSize), merged.size()));
        }
    }

    /** One district on the city's wall. */
    record CityDistrict(String tenant, String name, ModeJson mode, Today today, long open, long overdue, Month month,
                        Dispatch dispatchToday) {
    }

    /** The districts added up: counts summed, rates recomputed from the sums. */
    record Totals(Today today, long open, long overdue, Month month) {
    }
}
