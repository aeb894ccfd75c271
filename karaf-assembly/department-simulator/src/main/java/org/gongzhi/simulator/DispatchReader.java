package org.gongzhi.simulator;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads a dispatch from JSON (or from the tree {@link XmlDispatches} builds) and checks it field by field, so
 * that a refusal can name the field. Unknown fields are ignored; {@code null} counts as absent.
 */
final class DispatchReader {

    static final Set<String> TIERS = Set.of("simple", "coordination", "difficult");
    /** Tenant and department codes go into URLs, token URLs and file names. */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final int MAX_TEXT = 20_000;

    private DispatchReader() {
    }

    static Dispatch fromJson(byte[] body) throws InvalidDispatchException {
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidDispatchException("body", "not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new InvalidDispatchException("body", "unreadable (" + e.getMessage() + ")");
        }
        return fromTree(tree);
    }

    static Dispatch fromTree(JsonNode tree) throws InvalidDispatchException {
        if (tree == null || !tree.isObject()) {
            throw new InvalidDispatchException("body", "must be a JSON object");
        }
        String dispatchId = uuid(tree, "dispatchId");
        String tenant = code(tree, "tenant");
        String department = code(tree, "department");
        String caseId = uuid(tree, "caseId");
        String title = required(tree, "title");
        String tier = text(tree, "tier");
        if (tier != null && !TIERS.contains(tier)) {
            throw new InvalidDispatchException("tier", "must be one of simple, coordination, difficult: " + tier);
        }
        return new Dispatch(dispatchId, tenant, department, caseId, text(tree, "caseNumber"), title,
                text(tree, "description"), text(tree, "categoryCode"), tier, text(tree, "gridCode"),
                text(tree, "address"), number(tree, "longitude", 180), number(tree, "latitude", 90),
                instant(tree, "dueAt"), instant(tree, "dispatchedAt"), attachments(tree), text(tree, "callbackUrl"));
    }

    private static String required(JsonNode tree, String field) throws InvalidDispatchException {
        String value = text(tree, field);
        if (value == null || value.isBlank()) {
            throw new InvalidDispatchException(field, "required");
        }
        return value;
    }

    private static String uuid(JsonNode tree, String field) throws InvalidDispatchException {
        String value = required(tree, field).trim();
        try {
            UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidDispatchException(field, "not a UUID: " + value);
        }
        if (value.length() != 36) {
            throw new InvalidDispatchException(field, "not a UUID in its canonical form: " + value);
        }
        return value;
    }

    private static String code(JsonNode tree, String field) throws InvalidDispatchException {
        String value = required(tree, field).trim();
        if (!CODE.matcher(value).matches()) {
            throw new InvalidDispatchException(field, "must be 1-64 letters, digits, '-' or '_': " + value);
        }
        return value;
    }

    private static String text(JsonNode tree, String field) throws InvalidDispatchException {
        JsonNode node = tree.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new InvalidDispatchException(field, "must be a string");
        }
        if (node.textValue().length() > MAX_TEXT) {
            throw new InvalidDispatchException(field, "longer than " + MAX_TEXT + " characters");
        }
        return node.textValue();
    }

    private static Double number(JsonNode tree, String field, double bound) throws InvalidDispatchException {
        JsonNode node = tree.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            throw new InvalidDispatchException(field, "must be a number");
        }
        double d = node.doubleValue();
        if (Double.isNaN(d) || d < -bound || d > bound) {
            throw new InvalidDispatchException(field, "must be between " + -bound + " and " + bound + ": " + d);
        }
        return d;
    }

    private static String instant(JsonNode tree, String field) throws InvalidDispatchException {
        String value = text(tree, field);
        if (value == null) {
            return null;
        }
        try {
            OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidDispatchException(field, "not an ISO-8601 date-time with offset: " + value);
        }
        return value;
    }

    private static List<String> attachments(JsonNode tree) throws InvalidDispatchException {
        JsonNode node = tree.get("attachments");
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new InvalidDispatchException("attachments", "must be an array of URLs");
        }
        List<String> urls = new ArrayList<>();
        for (JsonNode n : node) {
            if (!n.isTextual() || n.textValue().isBlank()) {
                throw new InvalidDispatchException("attachments", "every entry must be a non-empty string");
            }
            urls.add(n.textValue());
        }
        return urls;
    }
}
