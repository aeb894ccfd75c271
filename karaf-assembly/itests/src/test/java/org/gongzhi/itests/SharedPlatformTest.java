package org.gongzhi.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.junit.Before;

/**
 * Base of the test classes that talk to the platform over HTTP only, from the test JVM, on the platform
 * they share with other classes ({@link BootedPlatform#shared()}) instead of booting their own. Such a class
 * creates its own cases and people's data and looks only at them (another class may have added cases to
 * the same district before it), and undoes what it changes for everyone. A class that needs Karaf's shell,
 * OSGi services, its own configuration or an empty district extends {@link PlatformTestSupport} instead.
 */
public abstract class SharedPlatformTest {

    /** The platform's API, as the city administrator until {@link Api#as} says otherwise. */
    protected Api api;

    @Before
    public void sharedPlatformReady() throws IOException {
        api = BootedPlatform.shared().api();
    }

    /** The platform's HTTP port. */
    protected static int httpPort() {
        return platform().httpPort();
    }

    /** The platform's {@code karaf.home}: the unpacked distribution. */
    protected static Path karafHome() {
        return platform().home();
    }

    /** The platform's {@code karaf.data}: its log, its evidence store. */
    protected static Path karafData() {
        return platform().data();
    }

    private static BootedPlatform platform() {
        try {
            return BootedPlatform.shared();
        } catch (IOException e) {
            throw new UncheckedIOException("the shared platform did not boot", e);
        }
    }
}
