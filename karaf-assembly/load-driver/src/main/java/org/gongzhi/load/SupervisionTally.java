package org.gongzhi.load;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The figures of {@link SupervisionBench} from what the database holds after the run: the warning
 * reminders ({@code supervision}) and the notifications ({@code notification_outbox}) of the seeded
 * cases. A case is notified when every (recipient, channel) that any seeded case got a notification
 * for was delivered to it; delays run from the case's warning time. Pure, no database.
 */
final class SupervisionTally {

    /** One notification row of a seeded case. */
    record Row(UUID caseId, String destination, String channel, String state, Instant createdAt, Instant deliveredAt) {
    }

    /** Delay percentiles in milliseconds (exact: nearest rank). */
    record Delays(long count, long p50, long p99, long max) {

        static Delays of(List<Long> millis) {
            if (millis.isEmpty()) {
                return new Delays(0, 0, 0, 0);
            }
            long[] v = millis.stream().mapToLong(Long::longValue).sorted().toArray();
            return new Delays(v.length, rank(v, 50), rank(v, 99), v[v.length - 1]);
        }

        private static long rank(long[] sorted, int percentile) {
            int i = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, i)];
        }
    }

    /**
     * The figures.
     *
     * @param cases            seeded cases
     * @param reminders        warning reminders written for them
     * @param duplicateRecords cases with more than one warning reminder
     * @param notifications    notification rows of the seeded cases, by channel
     * @param delivered        of them delivered, by channel
     * @param perCase          (recipient, channel) pairs expected per case
     * @param duplicates       (case, recipient, channel) with more than one row
     * @param notNotified      cases missing a delivered notification of an expected pair
     * @param written          warning time → notification written (the sweep), ms
     * @param delivery         warning time → delivered, every delivered row, ms
     * @param byChannel        warning time → delivered, per channel, ms
     * @param lastDeliveredMillis when the last notification was delivered, epoch ms (-1: none)
     */
    record Figures(long cases, long reminders, long duplicateRecords, Map<String, Long> notifications,
                   Map<String, Long> delivered, int perCase, long duplicates, long notNotified, Delays written,
                   Delays delivery, Map<String, Delays> byChannel, long lastDeliveredMillis) {

        /** Every case notified, each notification once, all within {@code limit}. */
        boolean met(Duration limit) {
            return cases > 0 && notNotified == 0 && duplicates == 0 && duplicateRecords == 0 && reminders == cases
                    && delivery.count() > 0 && delivery.max() <= limit.toMillis();
        }
    }

    private SupervisionTally() {
    }

    /**
     * @param warningAt the seeded cases and their warning times
     * @param reminders warning reminders per case (cases without one absent)
     * @param rows      the notification rows of the seeded cases
     */
    static Figures tally(Map<UUID, Instant> warningAt, Map<UUID, Integer> reminders, List<Row> rows) {
        Map<String, Long> count = new TreeMap<>();
        Map<String, Long> delivered = new TreeMap<>();
        Map<String, Integer> seen = new HashMap<>();
        Set<String> pairs = new LinkedHashSet<>();
        Map<UUID, Set<String>> deliveredPairs = new HashMap<>();
        List<Long> written = new ArrayList<>();
        List<Long> delivery = new ArrayList<>();
        Map<String, List<Long>> byChannel = new TreeMap<>();
        long last = -1;
        for (Row r : rows) {
            Instant warning = warningAt.get(r.caseId());
            if (warning == null) {
                continue;
            }
            String pair = r.destination() + " " + r.channel();
            pairs.add(pair);
            seen.merge(r.caseId() + " " + pair, 1, Integer::sum);
            count.merge(r.channel(), 1L, Long::sum);
            record(written, warning, r.createdAt());
            if ("DELIVERED".equals(r.state()) && r.deliveredAt() != null) {
                delivered.merge(r.channel(), 1L, Long::sum);
                deliveredPairs.computeIfAbsent(r.caseId(), k -> new LinkedHashSet<>()).add(pair);
                record(delivery, warning, r.deliveredAt());
                record(byChannel.computeIfAbsent(r.channel(), k -> new ArrayList<>()), warning, r.deliveredAt());
                last = Math.max(last, r.deliveredAt().toEpochMilli());
            }
        }
        long duplicates = seen.values().stream().filter(n -> n > 1).count();
        long notNotified = pairs.isEmpty() ? warningAt.size() : warningAt.keySet().stream()
                .filter(id -> !deliveredPairs.getOrDefault(id, Set.of()).containsAll(pairs)).count();
        long reminderCount = reminders.values().stream().mapToLong(Integer::longValue).sum();
        long duplicateRecords = reminders.values().stream().filter(n -> n > 1).count();
        Map<String, Delays> channels = new TreeMap<>();
        byChannel.forEach((c, h) -> channels.put(c, Delays.of(h)));
        return new Figures(warningAt.size(), reminderCount, duplicateRecords, count, delivered, pairs.size(), duplicates,
                notNotified, Delays.of(written), Delays.of(delivery), channels, last);
    }

    /** The pairs expected per case, as "recipient channel" (for the report). */
    static List<String> pairs(List<Row> rows) {
        return new ArrayList<>(rows.stream().map(r -> r.destination() + " " + r.channel())
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new)));
    }

    private static void record(List<Long> into, Instant from, Instant to) {
        into.add(Duration.between(from, to).toMillis());
    }
}
