package org.gongzhi.core.rest.internal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import javax.ws.rs.core.MediaType;

/** The {@code charset} of a request's media type: known to Java, and UTF-8 for JSON. */
final class Charsets {

    private Charsets() {
    }

    /** The named charset, null when none is named; {@link Unsupported} when Java does not know it. */
    static Charset require(MediaType type) {
        String name = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (name == null) {
            return null;
        }
        try {
            return Charset.forName(name.trim().replace("\"", ""));
        } catch (IllegalArgumentException e) { // illegal or unsupported name
            throw new Unsupported("不支持的字符集 (unsupported charset): " + name);
        }
    }

    /** JSON is UTF-8 (RFC 8259): any other named charset is refused. */
    static void requireUtf8(MediaType type) {
        Charset charset = type == null ? null : require(type);
        if (charset != null && !StandardCharsets.UTF_8.equals(charset)) {
            throw new Unsupported("JSON 须为 UTF-8 编码 (JSON must be UTF-8): charset=" + charset.name());
        }
    }

    /** A request body in a charset the platform does not read: 415 naming {@code Content-Type}. */
    static final class Unsupported extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unsupported(String message) {
            super(message);
        }
    }
}
