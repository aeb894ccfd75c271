package org.gongzhi.core.tenant;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An extra question a reporter answers when filing a case of one category (事件附加信息), e.g. the
 * severity of a potholed road. Served to Open311 clients as a service definition attribute.
 *
 * @param code        {@code [A-Za-z][A-Za-z0-9_]{0,31}}, unique within the category
 * @param datatype    kind of answer
 * @param required    whether a report must answer it
 * @param variable    {@code false} for an attribute that only informs the reporter (no answer expected)
 * @param description the question, Chinese
 * @param order       display position, 1 first; unique within the category
 * @param values      the choices of a {@link Datatype#isList() list} attribute (at least one, unique keys);
 *                    empty for every other datatype
 * @throws IllegalArgumentException naming the field when a value is invalid
 * @since 1.2
 */
public record CategoryAttribute(String code, Datatype datatype, boolean required, boolean variable,
                                String description, int order, List<Value> values) {

    /** Pattern of attribute codes (they travel as {@code attribute[code]} form keys). */
    public static final Pattern CODE = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,31}");
    /** Pattern of value keys. */
    public static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.-]{1,32}");

    /** Validates the components and copies the values. */
    public CategoryAttribute {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("attribute code must match " + CODE + ": " + DepartmentDefinition.quote(code));
        }
        if (datatype == null) {
            throw new IllegalArgumentException("datatype of attribute " + code + " is required");
        }
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("description of attribute " + code + " must not be blank");
        }
        if (order < 1) {
            throw new IllegalArgumentException("order of attribute " + code + " must be at least 1: " + order);
        }
        values = values == null ? List.of() : List.copyOf(values);
        if (datatype.isList() && values.isEmpty()) {
            throw new IllegalArgumentException("attribute " + code + " of datatype " + datatype.wireName()
                    + " needs at least one value");
        }
        if (!datatype.isList() && !values.isEmpty()) {
            throw new IllegalArgumentException("attribute " + code + " of datatype " + datatype.wireName()
                    + " must not list values");
        }
        Set<String> keys = new HashSet<>();
        for (Value v : values) {
            if (!keys.add(v.key())) {
                throw new IllegalArgumentException("duplicate value key " + v.key() + " in attribute " + code);
            }
        }
    }

    /** The choice with this key. */
    public Optional<Value> value(String key) {
        return values.stream().filter(v -> v.key().equals(key)).findFirst();
    }

    /**
     * One choice of a list attribute.
     *
     * @param key  {@link #KEY}, what the client sends
     * @param name human readable name, Chinese
     */
    public record Value(String key, String name) {
        /** Validates both components. */
        public Value {
            if (key == null || !KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("value key must match " + KEY + ": " + DepartmentDefinition.quote(key));
            }
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("name of value " + key + " must not be blank");
            }
        }
    }

    /** The kind of answer, as named by Open311 GeoReport v2 (wire name = lower-case constant name). */
    public enum Datatype {
        /** One line of text. */
        STRING,
        /** A number. */
        NUMBER,
        /** A date and time (W3C / ISO 8601). */
        DATETIME,
        /** Text that may span lines. */
        TEXT,
        /** Exactly one of {@link CategoryAttribute#values()}. */
        SINGLEVALUELIST,
        /** Any number of {@link CategoryAttribute#values()}. */
        MULTIVALUELIST;

        /** Wire name, e.g. {@code singlevaluelist}. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Whether the answers are chosen from a list of values. */
        public boolean isList() {
            return this == SINGLEVALUELIST || this == MULTIVALUELIST;
        }

        /** Parses a wire name (letter case ignored); empty for {@code null} or an unknown name. */
        public static Optional<Datatype> fromWireName(String wireName) {
            if (wireName == null) {
                return Optional.empty();
            }
            for (Datatype d : values()) {
                if (d.wireName().equals(wireName.trim().toLowerCase(Locale.ROOT))) {
                    return Optional.of(d);
                }
            }
            return Optional.empty();
        }
    }
}
