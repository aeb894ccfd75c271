package org.gongzhi.core.open311.internal;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gongzhi.core.tenant.CategoryAttribute;
import org.gongzhi.core.tenant.CategoryDefinition;

/**
 * The answers to a service's attributes in a POST, sent as {@code attribute[code]=value} and, for
 * a multivaluelist, {@code attribute[code][]=v1&attribute[code][]=v2} (a plain repeated
 * {@code attribute[code]} is accepted too). Checked against the service definition: required
 * answers present, numbers and datetimes well-formed, list answers among the keys. Answers to
 * unknown codes and to informational ({@code variable=false}) attributes are ignored. The platform
 * has no field for them, so they become readable lines appended to the description.
 */
final class AttributeAnswers {

    private static final Pattern PARAM = Pattern.compile("attribute\\[([^\\[\\]]+)\\](\\[\\])?");
    private static final int MAX_VALUE_CHARS = 1000;

    private final List<String> lines;

    private AttributeAnswers(List<String> lines) {
        this.lines = List.copyOf(lines);
    }

    /** The submitted values by attribute code, from all form parameters. */
    static Map<String, List<String>> submitted(Map<String, List<String>> form) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        form.forEach((name, values) -> {
            Matcher m = PARAM.matcher(name);
            if (m.matches()) {
                List<String> kept = out.computeIfAbsent(m.group(1), k -> new ArrayList<>());
                values.stream().filter(v -> v != null && !v.isBlank()).map(String::trim).forEach(kept::add);
            }
        });
        return out;
    }

    /**
     * Checks the answers.
     *
     * @throws Open311Exception 400 naming {@code attribute[code]} for a missing or malformed answer
     */
    static AttributeAnswers check(CategoryDefinition service, Map<String, List<String>> form, ZoneId zone) {
        Map<String, List<String>> given = submitted(form);
        List<String> lines = new ArrayList<>();
        List<CategoryAttribute> attributes = service.attributes().stream().filter(CategoryAttribute::variable)
                .sorted((a, b) -> Integer.compare(a.order(), b.order())).toList();
        for (CategoryAttribute a : attributes) {
            List<String> values = given.getOrDefault(a.code(), List.of());
            String param = "attribute[" + a.code() + "]";
            if (values.isEmpty()) {
                if (a.required()) {
                    throw Open311Exception.badRequest(param + " was not provided: " + a.code() + " is required for service "
                            + service.code() + " (必填的附加信息「" + a.description() + "」未填写)");
                }
                continue;
            }
            if (a.datatype() != CategoryAttribute.Datatype.MULTIVALUELIST && values.size() > 1) {
                throw Open311Exception.badRequest(param + " takes a single value (「" + a.description() + "」只能填一个值)");
            }
            lines.add(a.description() + "：" + answer(a, param, values, zone));
        }
        return new AttributeAnswers(lines);
    }

    private static String answer(CategoryAttribute a, String param, List<String> values, ZoneId zone) {
        for (String v : values) {
            if (v.length() > MAX_VALUE_CHARS) {
                throw Open311Exception.badRequest(param + " is longer than " + MAX_VALUE_CHARS + " characters (附加信息过长)");
            }
        }
        String value = values.get(0);
        return switch (a.datatype()) {
            case NUMBER -> number(param, a, value);
            case DATETIME -> {
                W3cTime.parse(param, value, zone);
                yield value;
            }
            case STRING -> value.replaceAll("\\s*[\\r\\n]+\\s*", " ");
            case TEXT -> value;
            case SINGLEVALUELIST, MULTIVALUELIST -> String.join("、", values.stream().map(v -> choice(param, a, v)).toList());
        };
    }

    private static String number(String param, CategoryAttribute a, String value) {
        try {
            return new BigDecimal(value).toPlainString();
        } catch (NumberFormatException e) {
            throw Open311Exception.badRequest(param + " must be a number (「" + a.description() + "」须为数字): " + value);
        }
    }

    private static String choice(String param, CategoryAttribute a, String key) {
        return a.value(key).map(CategoryAttribute.Value::name).orElseThrow(() -> Open311Exception.badRequest(
                param + " value " + key + " is not one of " + a.values().stream().map(CategoryAttribute.Value::key).toList()
                        + " (「" + a.description() + "」的取值无效)"));
    }

    /** The answers as readable lines, in attribute order. */
    List<String> lines() {
        return lines;
    }

    /** The description with the answers appended under a heading; {@code null} when both are empty. */
    String describe(String description) {
        String text = description == null ? "" : description.strip();
        if (lines.isEmpty()) {
            return text.isEmpty() ? null : text;
        }
        String block = "【附加信息】\n" + String.join("\n", lines);
        return text.isEmpty() ? block : text + "\n\n" + block;
    }
}
