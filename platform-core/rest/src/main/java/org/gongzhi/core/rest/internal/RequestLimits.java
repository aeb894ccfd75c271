package org.gongzhi.core.rest.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;

import org.gongzhi.core.service.hotline.HotlineIntake;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;

/**
 * Refuses request bodies over {@value #MAX_BODY_BYTES} bytes with 413, declared or streamed; a
 * 12345 hotline batch ({@code …/hotline/batches}) may have {@link HotlineIntake#MAX_BYTES}, an evidence
 * upload ({@code …/evidence}) {@value #MAX_EVIDENCE_BYTES}.
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@PreMatching
public final class RequestLimits implements ContainerRequestFilter {

    static final int MAX_BODY_BYTES = 1 << 20;
    static final String HOTLINE_BATCHES = "/hotline/batches";
    /** Uploads of evidence ({@code …/evidence}): the evidence store checks each kind's own limit. */
    static final int MAX_EVIDENCE_BYTES = 110 << 20;
    static final String EVIDENCE = "/evidence";

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath().replaceAll("/+$", "");
        int max = path.endsWith(HOTLINE_BATCHES) ? HotlineIntake.MAX_BYTES
                : path.endsWith(EVIDENCE) ? MAX_EVIDENCE_BYTES : MAX_BODY_BYTES;
        if (request.getLength() > max) {
            throw tooLarge(max);
        }
        if (request.hasEntity()) {
            request.setEntityStream(new Bounded(request.getEntityStream(), max));
        }
    }

    private static WebApplicationException tooLarge(int max) {
        int mib = max >> 20;
        return new WebApplicationException("请求体不能超过 " + mib + " MiB (the body must not exceed " + mib + " MiB)", 413);
    }

    /** Counts bytes as they are read and stops at the limit, for bodies without Content-Length. */
    private static final class Bounded extends FilterInputStream {
        private final int max;
        private long count;

        Bounded(InputStream in, int max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            count += n;
            if (count > max) {
                throw tooLarge(max);
            }
        }
    }
}
