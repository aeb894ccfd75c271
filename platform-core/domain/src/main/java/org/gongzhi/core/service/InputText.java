package org.gongzhi.core.service;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The rules every text from outside meets before the platform stores or searches it: well-formed
 * UTF-8 on the wire (no overlong forms, no encoded surrogates), no NUL character (PostgreSQL
 * cannot store it) and no lone UTF-16 surrogate (it would be stored as {@code ?}). Callers at the
 * edges (REST, hotline files, Open311, department updates) apply them; a violation is a
 * {@link ValidationException} naming the field.
 *
 * @since 1.4
 */
public final class InputText {

    private InputText() {
    }

    /** Returns {@code value} (null stays null) or throws naming {@code field}. */
    public static String check(String field, String value) {
        String problem = problem(value);
        if (problem != null) {
            throw new ValidationException(field, field + " " + problem);
        }
        return value;
    }

    /**
     * What is wrong with {@code value} in words (zh-CN first), or null when it is acceptable.
     * For callers that report the problem in their own format.
     */
    public static String problem(String value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch == '\u0000') {
                return "含有空字符 NUL (contains a NUL character)";
            }
            if (Character.isHighSurrogate(ch) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(ch)) {
                return "含有不成对的代理字符 (contains a lone UTF-16 surrogate)";
            }
        }
        return null;
    }

    /**
     * Percent-decodes {@code raw[from, to)} the way {@code application/x-www-form-urlencoded} and
     * query strings are written ({@code +} is a space), strictly: a malformed {@code %} escape is
     * refused, and the bytes must then be {@link #utf8 clean UTF-8}. The value is never echoed.
     */
    public static String percentDecoded(String field, byte[] raw, int from, int to) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte b = raw[i];
            if (b == '%') {
                int high = i + 2 < to ? Character.digit(raw[i + 1], 16) : -1;
                int low = i + 2 < to ? Character.digit(raw[i + 2], 16) : -1;
                if (high < 0 || low < 0) {
                    throw new ValidationException(field, field + " 的百分号编码有误 (has a malformed %-escape)");
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                bytes.write(b == '+' ? ' ' : b);
            }
        }
        return utf8(field, bytes.toByteArray());
    }

    /** {@link #percentDecoded(String, byte[], int, int)} of a raw (still encoded) URI component. */
    public static String percentDecoded(String field, String raw) {
        check(field, raw);
        byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
        return percentDecoded(field, bytes, 0, bytes.length);
    }

    /** Decodes strict UTF-8 (malformed or overlong bytes refused) and {@link #check checks} the text. */
    public static String utf8(String field, byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return check(field, text);
        } catch (CharacterCodingException e) {
            throw new ValidationException(field, field + " 不是有效的 UTF-8 编码 (is not valid UTF-8)");
        }
    }
}
