package org.gongzhi.core.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.Test;

/** Which container failures are start-up (503) rather than faults (500). */
public class HttpEdgeTest {

    private static Exception at(Exception e, String className) {
        e.setStackTrace(new StackTraceElement[] {new StackTraceElement(className, "invoke", "X.java", 1)});
        return e;
    }

    @Test
    public void cxfsTransportWithoutItsObserverIsStartingUp() {
        assertThat(HttpEdge.notWiredYet(at(new NullPointerException(), "org.apache.cxf.transport.http.AbstractHTTPDestination")))
                .isTrue();
    }

    @Test
    public void anythingElseIsAFault() {
        assertThat(HttpEdge.notWiredYet(at(new NullPointerException(), "org.gongzhi.core.rest.internal.CaseResource"))).isFalse();
        assertThat(HttpEdge.notWiredYet(at(new IllegalStateException(), "org.apache.cxf.transport.http.AbstractHTTPDestination")))
                .isFalse();
        assertThat(HttpEdge.notWiredYet(new NullPointerException() {
            @Override
            public synchronized Throwable fillInStackTrace() {
                return this;
            }
        })).isFalse();
    }
}
