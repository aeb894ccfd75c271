package org.gongzhi.core.persistence.internal;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON text columns: maps of JSON-like values to text and back. */
final class JsonText {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() {
    };

    private JsonText() {
    }

    static String write(Map<String, ?> value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("值无法写成 JSON (value is not JSON-like): " + e.getOriginalMessage(), e);
        }
    }

    static Map<String, Object> object(String text) {
        return read(text, OBJECT);
    }

    static Map<String, String> strings(String text) {
        return text == null ? Map.of() : read(text, STRINGS);
    }

    private static <T> T read(String text, TypeReference<T> type) {
        try {
            return JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable: " + e.getOriginalMessage(), e);
        }
    }
}
