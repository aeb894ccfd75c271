package org.gongzhi.itests;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One malformed request made from an operation of the OpenAPI document.
 *
 * @param operation   the operation it was made from
 * @param kind        what is wrong with it (e.g. {@code wrong-type}, {@code nul}, {@code charset})
 * @param target      the field, parameter or header at fault, or null when the request as a whole is
 * @param mustReject  true when the document says the request is invalid (a 2xx answer is a finding)
 * @param user        the demo user whose token goes with it (a role the operation allows)
 * @param pathAndQuery the raw (already percent-encoded) path and query
 * @param headers     extra headers, Content-Type included when there is one
 * @param body        the body bytes, or null for none
 */
record HostileRequest(OpenApi.Operation operation, String kind, String target, boolean mustReject, String user,
                      String pathAndQuery, Map<String, String> headers, byte[] body) {

    /** A printable form: method, path, headers, and the body with control and non-ASCII bytes escaped. */
    String describe() {
        StringBuilder s = new StringBuilder(operation.method()).append(' ').append(abbreviate(pathAndQuery, 300));
        headers.forEach((k, v) -> s.append(" [").append(k).append(": ").append(abbreviate(v, 120)).append(']'));
        if (body != null) {
            s.append(" body=").append(abbreviate(escape(body), 400));
        }
        return s.toString();
    }

    private static String escape(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        for (char c : text.toCharArray()) {
            s.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\x%02x", (int) c));
        }
        return s.toString();
    }

    static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…(" + text.length() + ")";
    }
}
