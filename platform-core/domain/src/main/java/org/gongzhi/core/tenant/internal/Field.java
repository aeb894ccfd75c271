package org.gongzhi.core.tenant.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.gongzhi.core.tenant.TenantDefinitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node of a YAML file together with its file and dotted field path, so that every error names
 * both. The root has the empty path.
 */
public final class Field {

    private static final Logger LOG = LoggerFactory.getLogger(Field.class);

    private final Path file;
    private final String path;
    private final JsonNode node;

    public Field(Path file, String path, JsonNode node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    public Path file() {
        return file;
    }

    public String path() {
        return path;
    }

    public JsonNode node() {
        return node;
    }

    /** Whether the value is absent or YAML null. */
    public boolean isMissing() {
        return node == null || node.isMissingNode() || node.isNull();
    }

    /** The named member (possibly missing). */
    public Field get(String name) {
        JsonNode child = node == null ? null : node.get(name);
        return new Field(file, path.isEmpty() ? name : path + "." + name, child);
    }

    /** An error about this field. */
    public TenantDefinitionException error(String problem, Throwable cause) {
        return new TenantDefinitionException(file, path.isEmpty() ? null : path, problem, cause);
    }

    public TenantDefinitionException error(String problem) {
        return error(problem, null);
    }

    /** A scalar as text; numbers are accepted too (YAML {@code 360102} without quotes). */
    public String text(boolean required) {
        if (isMissing()) {
            if (required) {
                throw error("is required");
            }
            return null;
        }
        if (!node.isValueNode()) {
            throw error("must be a single value, not " + node.getNodeType().name().toLowerCase());
        }
        String s = node.asText().trim();
        if (required && s.isEmpty()) {
            throw error("must not be empty");
        }
        return s.isEmpty() ? null : s;
    }

    /** A number, or {@code fallback} when missing. */
    public double number(double fallback) {
        if (isMissing()) {
            return fallback;
        }
        if (!node.isNumber()) {
            throw error("must be a number: " + node.asText());
        }
        return node.doubleValue();
    }

    /** Parses the required text with {@code parser}; a runtime exception becomes an error naming the value. */
    public <T> T parse(Function<String, T> parser, String expected) {
        String s = text(true);
        try {
            return parser.apply(s);
        } catch (RuntimeException e) {
            throw error("must be " + expected + ", got \"" + s + "\"", e);
        }
    }

    /** The elements of a sequence (empty when missing). */
    public List<Field> elements() {
        List<Field> out = new ArrayList<>();
        if (isMissing()) {
            return out;
        }
        if (!node.isArray()) {
            throw error("must be a list");
        }
        for (int i = 0; i < node.size(); i++) {
            out.add(new Field(file, path + "[" + i + "]", node.get(i)));
        }
        return out;
    }

    /** Requires a mapping and logs (does not fail on) keys outside {@code known}. */
    public Field requireObject(Set<String> known) {
        if (node == null || !node.isObject()) {
            throw error(isMissing() ? "is required" : "must be a mapping");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) {
                LOG.warn("{}: unknown key '{}' at '{}' ignored", file, key, path);
            }
        }
        return this;
    }
}
