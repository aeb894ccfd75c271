package org.gongzhi.core.rest.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;

/** Refuses request bodies over {@value #MAX_BODY_BYTES} bytes with 413, declared or streamed. */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@PreMatching
public final class RequestLimits implements ContainerRequestFilter {

    static final int MAX_BODY_BYTES = 1 << 20;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        if (request.hasEntity()) {
            request.setEntityStream(new Bounded(request.getEntityStream()));
        }
    }

    private static WebApplicationException tooLarge() {
        return new WebApplicationException("请求体不能超过 1 MiB (the body must not exceed 1 MiB)", 413);
    }

    /** Counts bytes as they are read and stops at the limit, for bodies without Content-Length. */
    private static final class Bounded extends FilterInputStream {
        private long count;

        Bounded(InputStream in) {
            super(in);
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
            if (count > MAX_BODY_BYTES) {
                throw tooLarge();
            }
        }
    }
}
