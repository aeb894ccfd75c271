package org.gongzhi.core.resident.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import org.gongzhi.core.casework.Channel;
import org.gongzhi.core.service.NotFoundException;
import org.gongzhi.core.service.ValidationException;

/**
 * The checks of the resident page's input, each refusal a {@link ValidationException} naming the field
 * (the platform's JSON binding has refused unknown fields, wrong JSON types, NUL and lone surrogates
 * already). Values are never echoed: a phone number is personal data.
 */
final class Input {

    /** A mainland China mobile number: 11 digits, {@code 1[3-9]…}. */
    static final Pattern PHONE = Pattern.compile("1[3-9][0-9]{9}");
    static final Pattern CODE = Pattern.compile("[0-9]{6}");
    /** Printable ASCII without blanks: what an idempotency key may hold. */
    static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,100}");
    static final int MAX_DESCRIPTION = 1000;
    static final int MAX_ADDRESS = 300;
    static final int MAX_COMMENT = 500;
    static final int MAX_EVIDENCE = 9;
    static final int MAX_LIMIT = 50;
    static final int DEFAULT_LIMIT = 20;

    private Input() {
    }

    static <T> T body(T body) {
        if (body == null) {
            throw new ValidationException("body", "请求体不能为空 (a JSON body is required)");
        }
        return body;
    }

    static String phone(String phone) {
        if (phone == null || !PHONE.matcher(phone).matches()) {
            throw new ValidationException("phone", "请输入 11 位手机号码 (phone: an 11-digit mobile number, 1[3-9]…)");
        }
        return phone;
    }

    static String code(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new ValidationException("code", "请输入 6 位数字验证码 (code: the 6 digits sent by SMS)");
        }
        return code;
    }

    /** Required text of 1–{@code max} characters, stripped. */
    static String text(String field, String value, int max) {
        String v = optionalText(field, value, max);
        if (v == null) {
            throw new ValidationException(field, "必填项 (required): " + field);
        }
        return v;
    }

    /** Optional text of at most {@code max} characters, stripped; blank is absent. */
    static String optionalText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.codePointCount(0, v.length()) > max) {
            throw new ValidationException(field, field + " 不能超过 " + max + " 个字符 (at most " + max + " characters)");
        }
        return v;
    }

    static Channel channel(String channel) {
        Channel c = Channel.RESIDENT_APP.wireName().equals(channel) ? Channel.RESIDENT_APP
                : Channel.QR_CODE.wireName().equals(channel) ? Channel.QR_CODE : null;
        if (c == null) {
            throw new ValidationException("channel", "渠道须为 resident-app 或 qr-code (channel: resident-app or qr-code)");
        }
        return c;
    }

    static boolean required(String field, Boolean value) {
        if (value == null) {
            throw new ValidationException(field, "必填项 (required): " + field);
        }
        return value;
    }

    /** The evidence ids as attachments {@code evidence:<id>} (at most {@value #MAX_EVIDENCE}, repeats dropped). */
    static List<String> evidence(List<String> ids) {
        if (ids == null) {
            return List.of();
        }
        if (ids.size() > MAX_EVIDENCE) {
            throw new ValidationException("evidence", "照片最多 " + MAX_EVIDENCE + " 张 (at most " + MAX_EVIDENCE + " photos)");
        }
        List<String> out = new ArrayList<>();
        for (String id : ids) {
            UUID uuid;
            try {
                uuid = id == null || id.length() != 36 ? null : UUID.fromString(id);
            } catch (IllegalArgumentException e) {
                uuid = null;
            }
            if (uuid == null) {
                throw new ValidationException("evidence", "照片编号无效 (evidence: ids of uploaded photos)");
            }
            String reference = "evidence:" + uuid.toString().toLowerCase(Locale.ROOT);
            if (!out.contains(reference)) {
                out.add(reference);
            }
        }
        return out;
    }

    static String idempotencyKey(String key) {
        if (key != null && !KEY.matcher(key).matches()) {
            throw new ValidationException("Idempotency-Key", "Idempotency-Key 须为 1–100 个可见 ASCII 字符 "
                    + "(1-100 printable ASCII characters)");
        }
        return key;
    }

    /** A report id; a malformed one cannot name any report, so it is simply not found. */
    static UUID reportId(String id) {
        try {
            if (id != null && id.length() == 36) {
                return UUID.fromString(id);
            }
        } catch (IllegalArgumentException e) {
            // not found below
        }
        throw notFound(id);
    }

    static NotFoundException notFound(String id) {
        return new NotFoundException("没有这条上报 (no such report of yours): " + id);
    }

    static int offset(String value) {
        return integer("offset", value, 0, 0, Integer.MAX_VALUE);
    }

    static int limit(String value) {
        return integer("limit", value, DEFAULT_LIMIT, 1, MAX_LIMIT);
    }

    private static int integer(String field, String value, int absent, int min, int max) {
        if (value == null) {
            return absent;
        }
        try {
            int v = Integer.parseInt(value);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new ValidationException(field, field + " 须为 " + min + "–" + max + " 的整数 (an integer from " + min + " to "
                + max + ")");
    }
}
