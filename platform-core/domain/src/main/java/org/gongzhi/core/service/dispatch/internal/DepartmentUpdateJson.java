package org.gongzhi.core.service.dispatch.internal;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.gongzhi.core.service.InputText;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.dispatch.DepartmentUpdate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A department's progress update as JSON (the body of the REST endpoint and of update files):
 * {@code updateId}, {@code dispatchId} or {@code caseId}, {@code status}, {@code note},
 * {@code photos}, {@code at} (ISO-8601 with offset), {@code sequence}. Bad fields →
 * {@link ValidationException} naming them.
 */
public final class DepartmentUpdateJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The fields of an update; {@code tenant}, {@code department} and {@code receipt} are informational. */
    private static final Set<String> FIELDS = Set.of("updateId", "dispatchId", "caseId", "status", "note", "photos",
            "at", "sequence", "tenant", "department", "receipt");
    /** The informational fields with their longest length. */
    private static final Map<String, Integer> INFORMATIONAL = Map.of("tenant", 64, "department", 64, "receipt", 128);

    private DepartmentUpdateJson() {
    }

    /** Reads one update; see {@link DepartmentUpdate#fromJson}. */
    public static DepartmentUpdate read(byte[] json, String actor) {
        JsonNode t;
        try {
            t = JSON.readTree(InputText.utf8("body", json));
        } catch (IOException e) {
            throw new ValidationException("body", "不是有效的 JSON (not valid JSON)");
        }
        if (t == null || !t.isObject()) {
            throw new ValidationException("body", "须为 JSON 对象 (must be a JSON object)");
        }
        for (Iterator<String> names = t.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new ValidationException(name, "未知字段 (unknown field): " + name);
            }
        }
        for (Map.Entry<String, Integer> informational : INFORMATIONAL.entrySet()) {
            String value = text(t, informational.getKey());
            if (value != null && value.length() > informational.getValue()) {
                throw new ValidationException(informational.getKey(), informational.getKey() + " 不能超过 "
                        + informational.getValue() + " 个字符 (at most " + informational.getValue() + " characters)");
            }
        }
        List<String> photos = new ArrayList<>();
        JsonNode p = t.path("photos");
        if (!p.isMissingNode() && !p.isNull()) {
            if (!p.isArray()) {
                throw new ValidationException("photos", "须为 URL 数组 (must be an array of URLs)");
            }
            for (JsonNode x : p) {
                if (!x.isTextual()) {
                    throw new ValidationException("photos", "须为 URL 数组 (must be an array of URLs)");
                }
                photos.add(InputText.check("photos", x.textValue()));
            }
        }
        Long sequence = null;
        if (t.hasNonNull("sequence")) {
            if (!t.get("sequence").canConvertToLong() || !t.get("sequence").isIntegralNumber()) {
                throw new ValidationException("sequence", "须为整数 (must be a whole number)");
            }
            sequence = t.get("sequence").longValue();
        }
        return new DepartmentUpdate(text(t, "updateId"), uuid(t, "dispatchId"), uuid(t, "caseId"), text(t, "status"),
                text(t, "note"), photos, instant(t, "at"), sequence, actor);
    }

    /** A string field: absent or null → null; any other JSON type → refused naming the field. */
    private static String text(JsonNode t, String field) {
        JsonNode v = t.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new ValidationException(field, field + " 须为字符串 (must be a string)");
        }
        return InputText.check(field, v.textValue());
    }

    private static UUID uuid(JsonNode t, String field) {
        String v = text(t, field);
        try {
            return v == null ? null : UUID.fromString(v);
        } catch (IllegalArgumentException e) {
            throw new ValidationException(field, "不是 UUID (not a UUID): " + v);
        }
    }

    private static Instant instant(JsonNode t, String field) {
        String v = text(t, field);
        try {
            if (v == null) {
                return null;
            }
            OffsetDateTime at = OffsetDateTime.parse(v);
            if (at.getYear() < 1 || at.getYear() > 9999) {
                throw new DateTimeParseException("year out of range", v, 0);
            }
            return at.toInstant();
        } catch (DateTimeParseException e) {
            throw new ValidationException(field, "须为带时区的 ISO-8601 时间 (must be an ISO-8601 date-time with offset): " + v);
        }
    }
}
