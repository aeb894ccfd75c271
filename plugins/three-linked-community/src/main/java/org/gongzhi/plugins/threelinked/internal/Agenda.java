package org.gongzhi.plugins.threelinked.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the agenda (议程) of a 百姓管家 meeting from the collected needs of its community and
 * quarter: most urgent and most frequent first.
 *
 * <p>The needs are grouped by category, one agenda item per category. Items are ordered by
 * <ol>
 *   <li>the highest urgency of their needs (urgent, pressing, normal);</li>
 *   <li>the number of needs, most first (how often residents asked);</li>
 *   <li>the number of needs from the 困难群众直通车, most first;</li>
 *   <li>the oldest need, earliest first (who waited longest);</li>
 *   <li>the category code, to make the order total.</li>
 * </ol>
 * Inside an item the needs are listed most urgent first, then oldest first.
 */
final class Agenda {

    /** The item ordering above, for items not yet numbered. */
    static final Comparator<AgendaItem> ORDER = Comparator
            .comparing((AgendaItem i) -> Urgency.fromWire(i.topUrgency())).reversed()
            .thenComparing(Comparator.comparingInt(AgendaItem::needCount).reversed())
            .thenComparing(Comparator.comparingInt(AgendaItem::difficultyLineCount).reversed())
            .thenComparing(AgendaItem::firstCollectedAt)
            .thenComparing(AgendaItem::category);

    private static final Comparator<Need> NEEDS = Comparator.comparing(Need::urgencyLevel).reversed()
            .thenComparing(Need::collectedAt).thenComparing(Need::id);

    private Agenda() {
    }

    /**
     * The agenda for {@code quarter}: the needs given that are still collected and whose agenda
     * quarter is {@code quarter} or earlier (late arrivals and deferred needs included).
     */
    static List<AgendaItem> build(List<Need> needs, Quarter quarter) {
        Map<String, List<Need>> byCategory = new TreeMap<>();
        for (Need n : needs) {
            if (n.state() == NeedStatus.COLLECTED
                    && Quarter.parse("agendaQuarter", n.agendaQuarter()).compareTo(quarter) <= 0) {
                byCategory.computeIfAbsent(n.category(), c -> new ArrayList<>()).add(n);
            }
        }
        List<AgendaItem> items = new ArrayList<>();
        byCategory.forEach((category, group) -> items.add(item(category, group)));
        items.sort(ORDER);
        List<AgendaItem> numbered = new ArrayList<>();
        for (AgendaItem i : items) {
            numbered.add(new AgendaItem(numbered.size() + 1, i.category(), i.topUrgency(), i.needCount(),
                    i.difficultyLineCount(), i.firstCollectedAt(), i.needIds(), null, null, List.of(), null));
        }
        return numbered;
    }

    private static AgendaItem item(String category, List<Need> group) {
        List<Need> sorted = group.stream().sorted(NEEDS).toList();
        Urgency top = sorted.get(0).urgencyLevel();
        int difficulty = (int) group.stream()
                .filter(n -> NeedChannel.DIFFICULTY_LINE.wire().equals(n.channel())).count();
        Instant first = group.stream().map(Need::collectedAt).min(Comparator.naturalOrder()).orElseThrow();
        return new AgendaItem(0, category, top.wire(), group.size(), difficulty, first,
                sorted.stream().map(Need::id).toList(), null, null, List.of(), null);
    }
}
