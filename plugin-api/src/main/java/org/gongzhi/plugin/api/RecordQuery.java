package org.gongzhi.plugin.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which records of a {@link RecordCollection} to find or count, by their refs ({@code name=value}):
 * refs a record must carry, sets of refs of which it must carry one, and ranges of a ref's values.
 * The conditions all hold together. Immutable: each method returns a new query.
 *
 * <pre>{@code
 * // the sessions of two studios in March 2026, by their ref day=YYYY-MM-DD
 * RecordQuery q = RecordQuery.all()
 *         .anyRef("studio=s1", "studio=s2")
 *         .range("day", "2026-03-01", "2026-04-01");
 * long n = sessions.countOf(q);
 * List<PluginRecord> page = sessions.query(q, 0, 100);
 * }</pre>
 *
 * <p>A range compares values character by character (Unicode code points), as strings: give values
 * of one fixed form that sorts as it should — ISO-8601 days ({@code 2026-03-01}), months
 * ({@code 2026-03}) or UTC instants of equal precision ({@code 2026-03-01T00:00:00Z}), zero-padded
 * numbers ({@code 000042}). {@code day=2026-03-1} would not sort with {@code day=2026-03-10}.
 *
 * @since 1.3
 */
public final class RecordQuery {

    /** Most conditions ({@link #ref}, {@link #anyRef} and {@link #range} together) in one query. */
    public static final int MAX_CONDITIONS = 10;
    /** Most refs in one {@link #anyRef}. */
    public static final int MAX_ANY = 100;

    private static final Pattern NAME = Pattern.compile("[^=]{1,199}");
    private static final RecordQuery ALL = new RecordQuery(List.of(), List.of());

    /**
     * A range of the values of the refs named {@code name}: {@code from <= value < to}; a null bound is
     * open.
     */
    public record Range(String name, String from, String to) {
        public Range {
            if (name == null || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("a range names a ref without '=': " + name);
            }
            if (from != null && to != null && compare(from, to) >= 0) {
                throw new IllegalArgumentException("range " + name + ": from " + from + " is not before to " + to);
            }
        }

        /** Whether {@code ref} is {@code name=value} with the value in the range. */
        public boolean matches(String ref) {
            if (ref == null || !ref.startsWith(name + "=")) {
                return false;
            }
            String value = ref.substring(name.length() + 1);
            return (from == null || compare(value, from) >= 0) && (to == null || compare(value, to) < 0);
        }
    }

    private final List<Set<String>> anyOf;
    private final List<Range> ranges;

    private RecordQuery(List<Set<String>> anyOf, List<Range> ranges) {
        this.anyOf = anyOf;
        this.ranges = ranges;
    }

    /** Every record of the collection. */
    public static RecordQuery all() {
        return ALL;
    }

    /** Records that carry {@code ref}. */
    public RecordQuery ref(String ref) {
        return anyRef(List.of(checked(ref)));
    }

    /** Records that carry at least one of {@code refs}. */
    public RecordQuery anyRef(String... refs) {
        return anyRef(Arrays.asList(refs));
    }

    /**
     * Records that carry at least one of {@code refs} (1 to {@value #MAX_ANY} refs).
     *
     * @throws IllegalArgumentException for no refs, too many, or one that is not {@code name=value} of at
     *                                  most 200 characters
     */
    public RecordQuery anyRef(Collection<String> refs) {
        if (refs == null || refs.isEmpty() || refs.size() > MAX_ANY) {
            throw new IllegalArgumentException("anyRef takes 1 to " + MAX_ANY + " refs");
        }
        Set<String> set = new LinkedHashSet<>();
        for (String ref : refs) {
            set.add(checked(ref));
        }
        List<Set<String>> any = new ArrayList<>(anyOf);
        any.add(java.util.Collections.unmodifiableSet(set));
        return next(any, ranges);
    }

    /**
     * Records that carry a ref {@code name=value} with {@code from <= value < to} (see the class
     * comment for the order); a null bound is open.
     *
     * @throws IllegalArgumentException for a name with {@code =}, or {@code from} not before {@code to}
     */
    public RecordQuery range(String name, String from, String to) {
        List<Range> r = new ArrayList<>(ranges);
        r.add(new Range(name, from, to));
        return next(anyOf, r);
    }

    /** The sets of refs of which a record carries one each, in the order given. */
    public List<Set<String>> anyOf() {
        return anyOf;
    }

    /** The ranges, in the order given. */
    public List<Range> ranges() {
        return ranges;
    }

    /** Whether a record with these refs is one the query asks for. */
    public boolean matches(List<String> refs) {
        for (Set<String> any : anyOf) {
            if (refs.stream().noneMatch(any::contains)) {
                return false;
            }
        }
        for (Range range : ranges) {
            if (refs.stream().noneMatch(range::matches)) {
                return false;
            }
        }
        return true;
    }

    /** Compares two strings by Unicode code points, the order of {@link #range}. */
    public static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private RecordQuery next(List<Set<String>> any, List<Range> r) {
        if (any.size() + r.size() > MAX_CONDITIONS) {
            throw new IllegalArgumentException("a query has at most " + MAX_CONDITIONS + " conditions");
        }
        return new RecordQuery(List.copyOf(any), List.copyOf(r));
    }

    private static String checked(String ref) {
        if (ref == null || ref.length() > 200 || ref.indexOf('=') < 1) {
            throw new IllegalArgumentException("a ref must be name=value, at most 200 characters: " + ref);
        }
        return ref;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecordQuery q && anyOf.equals(q.anyOf) && ranges.equals(q.ranges);
    }

    @Override
    public int hashCode() {
        return Objects.hash(anyOf, ranges);
    }

    /** E.g. {@code any[studio=s1, studio=s2] day in [2026-03-01, 2026-04-01)}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        anyOf.forEach(a -> s.append(s.length() == 0 ? "" : " ").append(a.size() == 1 ? a.iterator().next() : "any" + a));
        ranges.forEach(r -> s.append(s.length() == 0 ? "" : " ").append(r.name()).append(" in [")
                .append(r.from() == null ? "" : r.from()).append(", ").append(r.to() == null ? "" : r.to()).append(')'));
        return s.length() == 0 ? "all" : s.toString();
    }
}
