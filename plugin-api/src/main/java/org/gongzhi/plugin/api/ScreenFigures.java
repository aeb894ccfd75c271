package org.gongzhi.plugin.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The figures of a {@link ScreenPanel} (大屏面板数据): named counts and rates, and optionally rows of
 * them (per studio, per colour…), each row with a key and a short label. Nothing else fits: the type
 * holds no free text but the row labels, so a panel cannot hand a record to the wall screen.
 *
 * <pre>{@code
 * ScreenFigures.builder()
 *         .count("disputes", 12).count("agreements", 9).rate("successRate", 0.75)
 *         .row("studio-1", "扬子洲村老倌俚工作室", r -> r.count("disputes", 3).rate("successRate", 2 / 3.0))
 *         .build();
 * }</pre>
 *
 * <p>Rules, checked when a value is added ({@link IllegalArgumentException} otherwise): figure keys
 * {@value #KEY_PATTERN}, unique within their level; counts are zero or more; rates are fractions in
 * [0, 1], or null when there was nothing to measure; at most {@value #MAX_FIGURES} figures per level
 * and {@value #MAX_ROWS} rows; row keys {@value #ROW_KEY_PATTERN}, unique; row labels non-blank, at
 * most {@value #MAX_LABEL} characters, without control characters. Immutable once built.
 *
 * @since 1.2
 */
public final class ScreenFigures {

    /** {@value}: the form of a figure's key, e.g. {@code successRate}. */
    public static final String KEY_PATTERN = "[a-z][A-Za-z0-9]{0,39}";
    /** {@value}: the form of a row's key, e.g. a record id or {@code red}. */
    public static final String ROW_KEY_PATTERN = "[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}";
    /** Most figures per level (the panel's totals, or one row). */
    public static final int MAX_FIGURES = 24;
    /** Most rows. */
    public static final int MAX_ROWS = 50;
    /** Longest row label. */
    public static final int MAX_LABEL = 40;

    private static final Pattern KEY = Pattern.compile(KEY_PATTERN);
    private static final Pattern ROW_KEY = Pattern.compile(ROW_KEY_PATTERN);
    private static final ScreenFigures NONE = builder().build();

    private final Map<String, Number> figures;
    private final List<Row> rows;

    private ScreenFigures(Map<String, Number> figures, List<Row> rows) {
        this.figures = figures;
        this.rows = rows;
    }

    /** A builder of the panel's figures. */
    public static Builder builder() {
        return new Builder();
    }

    /** No figures at all: what a panel answers when it has nothing to show. */
    public static ScreenFigures none() {
        return NONE;
    }

    /**
     * The panel's figures by key, in the order added: a {@link Long} for a count, a {@link Double}
     * or null for a rate. Unmodifiable.
     */
    public Map<String, Number> figures() {
        return figures;
    }

    /** The rows, in the order added. Unmodifiable. */
    public List<Row> rows() {
        return rows;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScreenFigures f && figures.equals(f.figures) && rows.equals(f.rows);
    }

    @Override
    public int hashCode() {
        return Objects.hash(figures, rows);
    }

    @Override
    public String toString() {
        return "ScreenFigures" + figures + rows;
    }

    /** One row: its key, its label (a place, an organisation, a category) and its figures. */
    public static final class Row {

        private final String key;
        private final String label;
        private final Map<String, Number> figures;

        private Row(String key, String label, Map<String, Number> figures) {
            this.key = key;
            this.label = label;
            this.figures = figures;
        }

        public String key() {
            return key;
        }

        public String label() {
            return label;
        }

        /** The row's figures by key, as {@link ScreenFigures#figures()}. Unmodifiable. */
        public Map<String, Number> figures() {
            return figures;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Row r && key.equals(r.key) && label.equals(r.label) && figures.equals(r.figures);
        }

        @Override
        public int hashCode() {
            return Objects.hash(key, label, figures);
        }

        @Override
        public String toString() {
            return key + " " + label + figures;
        }
    }

    /** The counts and rates of one level: the panel's own, or a row's. */
    public static class Values<T extends Values<T>> {

        private final Map<String, Number> values = new LinkedHashMap<>();

        Values() {
        }

        /**
         * Adds a count.
         *
         * @param key   {@value ScreenFigures#KEY_PATTERN}, not used yet at this level
         * @param value zero or more
         */
        public T count(String key, long value) {
            if (value < 0) {
                throw new IllegalArgumentException("count " + key + " is negative: " + value);
            }
            return put(key, value);
        }

        /**
         * Adds a rate.
         *
         * @param key      {@value ScreenFigures#KEY_PATTERN}, not used yet at this level
         * @param fraction in [0, 1] (0.75 for 75 %), or null when there was nothing to measure
         */
        public T rate(String key, Double fraction) {
            if (fraction != null && (fraction.isNaN() || fraction < 0 || fraction > 1)) {
                throw new IllegalArgumentException("rate " + key + " is not a fraction in [0, 1]: " + fraction);
            }
            return put(key, fraction);
        }

        @SuppressWarnings("unchecked")
        private T put(String key, Number value) {
            if (key == null || !KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("figure key does not match " + KEY_PATTERN + ": " + key);
            }
            if (values.containsKey(key)) {
                throw new IllegalArgumentException("figure " + key + " given twice");
            }
            if (values.size() == MAX_FIGURES) {
                throw new IllegalArgumentException("more than " + MAX_FIGURES + " figures");
            }
            values.put(key, value);
            return (T) this;
        }

        Map<String, Number> snapshot() {
            return Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }
    }

    /** The figures of one row, filled in by the consumer given to {@link Builder#row}. */
    public static final class RowValues extends Values<RowValues> {
        private RowValues() {
        }
    }

    /** Builds {@link ScreenFigures}; not thread-safe. */
    public static final class Builder extends Values<Builder> {

        private final List<Row> rows = new ArrayList<>();
        private final Set<String> rowKeys = new LinkedHashSet<>();

        private Builder() {
        }

        /**
         * Adds a row.
         *
         * @param key     {@value ScreenFigures#ROW_KEY_PATTERN}, unique among the rows
         * @param label   what the row is — a place, an organisation, a category, never a person; at most
         *                {@value ScreenFigures#MAX_LABEL} characters
         * @param figures fills in the row's counts and rates
         */
        public Builder row(String key, String label, Consumer<RowValues> figures) {
            if (key == null || !ROW_KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("row key does not match " + ROW_KEY_PATTERN + ": " + key);
            }
            if (!rowKeys.add(key)) {
                throw new IllegalArgumentException("row " + key + " given twice");
            }
            if (rows.size() == MAX_ROWS) {
                throw new IllegalArgumentException("more than " + MAX_ROWS + " rows");
            }
            if (label == null || label.isBlank() || label.strip().length() > MAX_LABEL
                    || label.codePoints().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("row " + key + ": label must be non-blank, at most " + MAX_LABEL
                        + " characters, without control characters");
            }
            RowValues values = new RowValues();
            Objects.requireNonNull(figures, "figures").accept(values);
            rows.add(new Row(key, label.strip(), values.snapshot()));
            return this;
        }

        public ScreenFigures build() {
            return new ScreenFigures(snapshot(), List.copyOf(rows));
        }
    }
}
