package org.gongzhi.core.open311.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decodes {@code application/x-www-form-urlencoded} text — a query string or a POST body — strictly,
 * so that every refusal is an Open311 error and nothing malformed reaches the platform: a bad
 * {@code %} escape, bytes that are not UTF-8 (overlong forms, encoded surrogates) or a NUL character
 * in a name or value → 400 naming the parameter. The JAX-RS runtime's own decoding is lenient
 * (it replaces bad bytes), hence this class. Stateless.
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

    /** Percent-decodes {@code raw[from, to)} and reads it as UTF-8; {@code name} is null while decoding a name. */
    private static String text(byte[] raw, int from, int to, String name) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte b = raw[i];
            if (b == '+') {
                bytes.write(' ');
            } else if (b == '%') {
                int high = i + 2 < to ? Character.digit(raw[i + 1], 16) : -1;
                int low = i + 2 < to ? Character.digit(raw[i + 2], 16) : -1;
                if (high < 0 || low < 0) {
                    throw refused(name, "has a malformed %-escape (百分号编码不正确)");
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                bytes.write(b);
            }
        }
        String s;
        try {
            s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw refused(name, "is not valid UTF-8 (不是有效的 UTF-8 文本)");
        }
        if (s.indexOf('\u0000') >= 0) {
            throw refused(name, "contains a NUL character (含有空字符 NUL)");
        }
        return s;
    }

    /** 400 when {@code value} (a path segment) holds a NUL character or a lone surrogate. */
    static String checked(String parameter, String value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\u0000') {
                throw refused(parameter, "contains a NUL character (含有空字符 NUL)");
            }
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c) && i + 1 < value.length()
                        && Character.isLowSurrogate(value.charAt(i + 1));
                if (!paired) {
                    throw refused(parameter, "is not valid UTF-8 (不是有效的 UTF-8 文本)");
                }
                i++;
            }
        }
        return value;
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

    private static Open311Exception refused(String name, String problem) {
        // the value is never echoed: it may be personal data or bytes no client can print
        return Open311Exception.badRequest((name == null ? "a parameter name" : name) + " " + problem);
    }
}
