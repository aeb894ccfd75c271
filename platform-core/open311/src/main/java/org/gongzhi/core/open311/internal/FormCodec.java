package org.gongzhi.core.open311.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gongzhi.core.service.InputText;
import org.gongzhi.core.service.ValidationException;

/**
 * Decodes {@code application/x-www-form-urlencoded} text — a query string or a POST body — strictly,
 * so that every refusal is an Open311 error and nothing malformed reaches the platform: a bad
 * {@code %} escape, bytes that are not UTF-8 (overlong forms, encoded surrogates) or a NUL character
 * in a name or value → 400 naming the parameter (the rules of {@link InputText}). The JAX-RS
 * runtime's own decoding is lenient (it replaces bad bytes), hence this class. Stateless.
 */
final class FormCodec {

    /** Largest form body read, in bytes (the largest request, with 20 media URLs, is far below). */
    static final int MAX_BODY = 256 * 1024;

    private FormCodec() {
    }

    /** The parameters of {@code raw} ({@code null} or empty: none), in order, names may repeat. */
    static Map<String, List<String>> decode(byte[] raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (raw == null) {
            return out;
        }
        int start = 0;
        for (int i = 0; i <= raw.length; i++) {
            if (i == raw.length || raw[i] == '&') {
                if (i > start) {
                    pair(raw, start, i, out);
                }
                start = i + 1;
            }
        }
        return out;
    }

    /** {@link #decode(byte[])} of a raw (still percent-encoded) query string. */
    static Map<String, List<String>> decodeQuery(String rawQuery) {
        return decode(rawQuery == null ? null : rawQuery.getBytes(StandardCharsets.UTF_8));
    }

    private static void pair(byte[] raw, int from, int to, Map<String, List<String>> out) {
        int eq = from;
        while (eq < to && raw[eq] != '=') {
            eq++;
        }
        String name = text(raw, from, eq, null);
        String value = eq < to ? text(raw, eq + 1, to, name) : "";
        out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }

    /** Percent-decodes {@code raw[from, to)} by the platform's text rules; {@code name} is null while decoding a name. */
    private static String text(byte[] raw, int from, int to, String name) {
        try {
            return InputText.percentDecoded(name == null ? "parameter name" : name, raw, from, to);
        } catch (ValidationException e) {
            throw refused(e);
        }
    }

    /** 400 when {@code value} (a path segment) holds a NUL character or a lone surrogate. */
    static String checked(String parameter, String value) {
        try {
            return InputText.check(parameter, value);
        } catch (ValidationException e) {
            throw refused(e);
        }
    }

    /**
     * Checks the {@code Content-Type} of a POST: {@code application/x-www-form-urlencoded} (else 400)
     * with no charset or UTF-8 (else 415).
     */
    static void requireForm(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).strip();
        String[] parts = type.split(";");
        if (!parts[0].strip().equals("application/x-www-form-urlencoded")) {
            throw Open311Exception.badRequest("Content-Type must be application/x-www-form-urlencoded "
                    + "(请以表单格式 application/x-www-form-urlencoded 提交)");
        }
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].split("=", 2);
            if (kv[0].strip().equals("charset")) {
                String charset = kv.length < 2 ? "" : kv[1].strip().replace("\"", "");
                if (!charset.equals("utf-8") && !charset.equals("utf8")) {
                    throw new Open311Exception(415, "Content-Type charset is not supported: send UTF-8 "
                            + "(不支持该字符集，请使用 UTF-8)");
                }
            }
        }
    }

    private static Open311Exception refused(ValidationException e) {
        // InputText never echoes the value: it may be personal data or bytes no client can print
        return Open311Exception.badRequest(e.getMessage());
    }
}
