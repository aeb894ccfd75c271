package org.gongzhi.core.rest.internal;

import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/** Names a bound Java type by the JSON a client should have sent (for error messages). */
final class JsonTypes {

    private JsonTypes() {
    }

    static String describe(Class<?> type) {
        if (type == String.class || type.isEnum() || type == UUID.class) {
            return "字符串 (expected a string)";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "布尔值 true/false (expected true or false)";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "整数 (expected a whole number)";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "数字 (expected a number)";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "ISO-8601 时间字符串 (expected an ISO-8601 date or time string)";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "数组 (expected an array)";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord() || !type.getName().startsWith("java.")) {
            return "对象 (expected an object)";
        }
        return "其他类型 (expected another JSON type)";
    }
}
