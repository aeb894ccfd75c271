package org.gongzhi.core.rest.internal;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;

import org.gongzhi.core.service.InputText;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;

/**
 * Refuses, before anything binds them, query parameters and path segments that are not
 * well-formed percent-encoded UTF-8 or hold text {@link InputText} refuses (NUL, lone
 * surrogates): 400 naming the parameter ({@code path} for the path). (Charsets are the
 * {@link HttpEdge} filter's: it runs before CXF reads anything.) Not under {@code /open311/}: the
 * Open311 endpoint decodes its parameters as strictly itself and answers in the error format of its
 * specification, never in problem details.
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@PreMatching
public final class CleanInput implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if ((path.startsWith("/") ? path.substring(1) : path).startsWith(AuthenticationSeam.OPEN311_PREFIX)) {
            return;
        }
        String rawQuery = request.getUriInfo().getRequestUri().getRawQuery();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String name = decode("query", eq < 0 ? pair : pair.substring(0, eq));
                decode(name, eq < 0 ? "" : pair.substring(eq + 1));
            }
        }
        decode("path", request.getUriInfo().getRequestUri().getRawPath());
    }

    /** Strict percent-decoding ({@code +} is a space) to UTF-8, then the text rules. */
    static String decode(String field, String raw) {
        return InputText.percentDecoded(field, raw);
    }
}
