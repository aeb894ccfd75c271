package org.gongzhi.core.rest.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.MediaType;

import org.gongzhi.core.service.InputText;
import org.gongzhi.core.service.ValidationException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;

/**
 * Refuses, before anything binds them, query parameters and path segments that are not
 * well-formed percent-encoded UTF-8 or hold text {@link InputText} refuses (NUL, lone
 * surrogates): 400 naming the parameter ({@code path} for the path). A body whose
 * {@code Content-Type} names a charset Java does not know is 415.
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@PreMatching
public final class CleanInput implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String rawQuery = request.getUriInfo().getRequestUri().getRawQuery();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String name = decode("query", eq < 0 ? pair : pair.substring(0, eq));
                decode(name, eq < 0 ? "" : pair.substring(eq + 1));
            }
        }
        decode("path", request.getUriInfo().getRequestUri().getRawPath());
        MediaType type = request.getMediaType();
        if (type != null) {
            Charsets.require(type);
        }
    }

    /** Strict percent-decoding ({@code +} is a space) to UTF-8, then the text rules. */
    static String decode(String field, String raw) {
        InputText.check(field, raw);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char ch = raw.charAt(i);
            if (ch == '%') {
                int value = i + 2 < raw.length() ? hex(raw.charAt(i + 1)) << 4 | hex(raw.charAt(i + 2)) : -1;
                if (value < 0) {
                    throw new ValidationException(field, field + " 的百分号编码有误 (malformed percent-encoding)");
                }
                bytes.write(value);
                i += 2;
            } else if (ch == '+') {
                bytes.write(' ');
            } else if (ch < 0x80) {
                bytes.write(ch);
            } else {
                int end = Character.isHighSurrogate(ch) ? i + 2 : i + 1;
                byte[] utf8 = raw.substring(i, end).getBytes(StandardCharsets.UTF_8);
                bytes.write(utf8, 0, utf8.length);
                i = end - 1;
            }
        }
        return InputText.utf8(field, bytes.toByteArray());
    }

    private static int hex(char c) {
        int d = Character.digit(c, 16);
        return d < 0 ? -1 << 8 : d;
    }
}
