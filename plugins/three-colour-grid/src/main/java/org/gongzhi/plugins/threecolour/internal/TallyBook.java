package org.gongzhi.plugins.threecolour.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.gongzhi.plugin.api.PluginRecord;
import org.gongzhi.plugin.api.RecordCollection;

/**
 * 考核台账: per-grid, per-month counters for assessment. Records of collection {@code tallies}, id
 * {@code <grid>:<yyyy-MM>}, refs {@code grid=<code>} and {@code month=<yyyy-MM>}. Counters are added
 * with optimistic concurrency ({@code expectedVersion}), re-reading and retrying on a conflict, so two
 * writers of one tally never lose an increment. Counters never drop below zero.
 *
 * <p>Case events are counted at most once per tally ({@link #addOnce}): the tally keeps, in its data
 * field {@value #COUNTED}, the keys of the last {@value #REMEMBERED_EVENTS} events it counted, newest
 * last, written in the same conditional put as the counters, so the increment and the "already counted"
 * mark are stored together or not at all. A repeat is recognised as long as fewer than
 * {@value #REMEMBERED_EVENTS} other events were counted in the same tally in between.
 */
final class TallyBook {

    /** Cases reported in the month (by the month they were reported). */
    static final String REPORTED = "reported";
    /** Of the cases reported in the month, those closed (a reopen takes the close back). */
    static final String REPORTED_CLOSED = "reportedClosed";
    /** Of the cases reported in the month, those rejected (不予立案; not due to close). */
    static final String REPORTED_REJECTED = "reportedRejected";
    /** {@code close} steps taken in the month (结案). */
    static final String CLOSED = "closed";
    /** {@code verify-pass} steps taken in the month. */
    static final String VERIFIED = "verified";
    /** {@code verify-fail} steps taken in the month (返工). */
    static final String REWORKS = "reworks";
    /** {@code reopen} steps taken in the month. */
    static final String REOPENED = "reopened";
    /** Whistles blown from the grid in the month (网格吹哨). */
    static final String WHISTLES = "whistles";

    /** Cases reported in the month that {@link JizhouTriage} puts in the green tier (简易问题); since 1.1. */
    static final String REPORTED_GREEN = "reportedGreen";
    /** Likewise, yellow (需协调问题). */
    static final String REPORTED_YELLOW = "reportedYellow";
    /** Likewise, red (重点难点问题). */
    static final String REPORTED_RED = "reportedRed";

    static final List<String> COUNTERS = List.of(REPORTED, REPORTED_CLOSED, REPORTED_REJECTED, CLOSED, VERIFIED,
            REWORKS, REOPENED, WHISTLES, REPORTED_GREEN, REPORTED_YELLOW, REPORTED_RED);

    /** The counter of cases reported in the tier's colour. */
    static String reportedIn(Tier tier) {
        return switch (tier) {
            case SIMPLE -> REPORTED_GREEN;
            case COORDINATION -> REPORTED_YELLOW;
            case DIFFICULT -> REPORTED_RED;
        };
    }

    /** Data field of the keys of the events the tally counted last (not a counter). */
    static final String COUNTED = "counted";

    /** How many event keys a tally remembers (about 25 KB of data at most). */
    static final int REMEMBERED_EVENTS = 1000;

    /** Default number of attempts of one update. */
    static final int ATTEMPTS = 5;

    private final RecordCollection tallies;
    private final int attempts;

    TallyBook(RecordCollection tallies) {
        this(tallies, ATTEMPTS);
    }

    TallyBook(RecordCollection tallies, int attempts) {
        this.tallies = tallies;
        this.attempts = attempts;
    }

    static String id(String grid, YearMonth month) {
        return grid + ":" + month;
    }

    /**
     * Adds {@code deltas} (counter name to amount, negative to take back) to the grid's tally of
     * {@code month}, whatever it counted before (whistles).
     *
     * @return the tally as stored
     * @throws IllegalStateException when every attempt met a concurrent write
     */
    PluginRecord add(String grid, YearMonth month, Map<String, Long> deltas) {
        return update(grid, month, deltas, null).orElseThrow();
    }

    /**
     * Adds {@code deltas} to the grid's tally of {@code month} unless the tally already counted the
     * event {@code eventKey} (see {@link #eventKey}); remembers the key with the new counters.
     *
     * @return the tally as stored, empty when the event had been counted already
     * @throws IllegalStateException when every attempt met a concurrent write
     */
    Optional<PluginRecord> addOnce(String grid, YearMonth month, Map<String, Long> deltas, String eventKey) {
        return update(grid, month, deltas, Objects.requireNonNull(eventKey, "eventKey"));
    }

    private Optional<PluginRecord> update(String grid, YearMonth month, Map<String, Long> deltas, String eventKey) {
        String id = id(grid, month);
        IllegalStateException last = null;
        for (int attempt = 0; attempt < attempts; attempt++) {
            Optional<PluginRecord> current = tallies.get(id);
            List<String> counted = current.map(r -> counted(r.data())).orElseGet(ArrayList::new);
            if (eventKey != null && counted.contains(eventKey)) {
                return Optional.empty();
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("gridCode", grid);
            data.put("month", month.toString());
            for (String counter : COUNTERS) {
                long now = current.map(r -> Records.number(r.data(), counter)).orElse(0L);
                data.put(counter, Math.max(0L, now + deltas.getOrDefault(counter, 0L)));
            }
            if (eventKey != null) {
                counted.add(eventKey);
                if (counted.size() > REMEMBERED_EVENTS) {
                    counted = new ArrayList<>(counted.subList(counted.size() - REMEMBERED_EVENTS, counted.size()));
                }
            }
            data.put(COUNTED, counted);
            try {
                return Optional.of(tallies.put(id, data, List.of("grid=" + grid, "month=" + month),
                        current.map(PluginRecord::version).orElse(0L)));
            } catch (IllegalStateException conflict) {
                last = conflict;
            }
        }
        throw new IllegalStateException("tally " + id + " kept changing during " + attempts + " attempts", last);
    }

    /** The event keys a tally's data remember, oldest first (a fresh list). */
    static List<String> counted(Map<String, Object> data) {
        List<String> keys = new ArrayList<>();
        if (data.get(COUNTED) instanceof List<?> list) {
            list.stream().filter(String.class::isInstance).map(String.class::cast).forEach(keys::add);
        }
        return keys;
    }

    /**
     * The key by which a tally recognises a case event it counted: a digest of the case id, the
     * action and the time of the step (22 characters, base64url). A repeated delivery of the same
     * event has the same key; two steps of one case differ in action or time.
     */
    static String eventKey(String caseId, String action, Instant at) {
        String text = caseId + "|" + action + "|" + (at == null ? "-" : at.toString());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Every tally of {@code month}. */
    List<PluginRecord> ofMonth(YearMonth month) {
        return Records.all(tallies, "month=" + month);
    }
}
