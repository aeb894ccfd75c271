package org.gongzhi.plugins.threecolour.internal;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.gongzhi.plugin.api.PluginRecord;
import org.gongzhi.plugin.api.RecordCollection;

/**
 * 督导考核: figures per grid (from the tallies) and per role (from whistle responses) over a
 * {@link Period}, and the top-ten ranking of grids by closure rate (十佳). Reads only.
 */
final class Assessment {

    /** Size of a top list (十佳). */
    static final int TOP = 10;

    /**
     * Ranking order: closure rate high to low (exact, by cross-multiplying), then more cases due,
     * then fewer reworks, then grid code. Figures must have {@code due > 0}.
     */
    static final Comparator<GridFigures> RANKING = (a, b) -> {
        int c = Long.compare(b.closedOfReported() * a.due(), a.closedOfReported() * b.due());
        if (c == 0) {
            c = Long.compare(b.due(), a.due());
        }
        if (c == 0) {
            c = Long.compare(a.reworks(), b.reworks());
        }
        return c != 0 ? c : a.gridCode().compareTo(b.gridCode());
    };

    /** One place of a ranking. */
    public record Place(int rank, GridFigures grid) {
    }

    /** A top list: at most {@link #TOP} places, and how many grids had fewer than {@code minCases} cases due. */
    public record Ranking(String period, String rhythm, int minCases, List<Place> places, int belowMinimum) {
    }

    /** Whistle responses of one role (or {@code DEPARTMENT} for departments named on a whistle). */
    public record RoleFigures(String role, String roleZh, long notified, long responded, long done,
                              Double responseRate, Long averageSecondsToFirstResponse) {
    }

    private final TallyBook tallies;
    private final RecordCollection whistles;

    Assessment(TallyBook tallies, RecordCollection whistles) {
        this.tallies = tallies;
        this.whistles = whistles;
    }

    /** Figures of every grid with a tally in the period (or of {@code grid} only), by grid code. */
    List<GridFigures> grids(Period period, String grid) {
        Map<String, Map<String, Long>> sums = new TreeMap<>();
        for (YearMonth month : period.monthList()) {
            for (PluginRecord r : tallies.ofMonth(month)) {
                String code = Records.text(r.data(), "gridCode");
                if (grid == null || grid.equals(code)) {
                    Map<String, Long> s = sums.computeIfAbsent(code, k -> new LinkedHashMap<>());
                    TallyBook.COUNTERS.forEach(n -> s.merge(n, Records.number(r.data(), n), Long::sum));
                }
            }
        }
        List<GridFigures> figures = new ArrayList<>();
        sums.forEach((code, s) -> figures.add(GridFigures.of(code, s)));
        return figures;
    }

    /** 十佳: the best {@link #TOP} grids with at least {@code minCases} cases due. */
    Ranking ranking(Period period, int minCases) {
        return rank(period, minCases, grids(period, null));
    }

    static Ranking rank(Period period, int minCases, List<GridFigures> figures) {
        List<GridFigures> eligible = figures.stream().filter(f -> f.due() >= Math.max(1, minCases))
                .sorted(RANKING).toList();
        List<Place> places = new ArrayList<>();
        for (int i = 0; i < Math.min(TOP, eligible.size()); i++) {
            places.add(new Place(i + 1, eligible.get(i)));
        }
        return new Ranking(period.text(), period.rhythm(), minCases, places, figures.size() - eligible.size());
    }

    /** Responses to the whistles blown in the period (from {@code grid} only, when given), in role order. */
    List<RoleFigures> roles(Period period, String grid) {
        Map<String, long[]> sums = new LinkedHashMap<>();
        for (Role r : Role.values()) {
            sums.put(r.name(), new long[4]);
        }
        sums.put("DEPARTMENT", new long[4]);
        for (YearMonth month : period.monthList()) {
            for (PluginRecord w : Records.all(whistles, "month=" + month)) {
                if (grid == null || grid.equals(Records.text(w.data(), "gridCode"))) {
                    count(w, sums);
                }
            }
        }
        List<RoleFigures> figures = new ArrayList<>();
        sums.forEach((role, s) -> figures.add(new RoleFigures(role,
                "DEPARTMENT".equals(role) ? "职能部门" : Role.valueOf(role).nameZh(), s[0], s[1], s[2],
                GridFigures.ratio(s[1], s[0]), s[1] == 0 ? null : s[3] / s[1])));
        return figures;
    }

    /** Adds one whistle's slots: notified, responded, done, seconds to first response. */
    private static void count(PluginRecord whistle, Map<String, long[]> sums) {
        Instant blownAt = Instant.parse(Records.text(whistle.data(), "blownAt"));
        for (Map<String, Object> slot : Records.maps(whistle.data(), "responses")) {
            Object role = slot.get("role");
            long[] s = sums.get(role == null ? "DEPARTMENT" : role.toString());
            if (s == null) {
                continue;
            }
            s[0]++;
            Instant first = WhistleView.firstResponse(slot);
            if (first != null) {
                s[1]++;
                s[3] += Math.max(0, first.getEpochSecond() - blownAt.getEpochSecond());
            }
            if (ResponseStatus.DONE.wireName().equals(slot.get("status"))) {
                s[2]++;
            }
        }
    }
}
