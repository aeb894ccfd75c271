package org.gongzhi.devdb.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Dictionary;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/** The component's threading and service lifecycle, with a minimal fake BundleContext instead of a framework. */
public class EmbeddedDatabaseTest {

    @Rule
    public final TemporaryFolder tmp = new TemporaryFolder();

    private final CompletableFuture<Registered> registered = new CompletableFuture<>();
    private final CountDownLatch unregistered = new CountDownLatch(1);

    private static final class Registered {
        final String clazz;
        final Object service;
        final Dictionary<String, ?> properties;

        Registered(String clazz, Object service, Dictionary<String, ?> properties) {
            this.clazz = clazz;
            this.service = service;
            this.properties = properties;
        }
    }

    @Test
    public void registersTheDataSourceWhenReadyAndUnregistersBeforeStopping() throws Exception {
        int port = freePort();
        long begin = System.nanoTime();
        EmbeddedDatabase component = new EmbeddedDatabase(fakeContext(), config(port, "gongzhi"));
        assertTrue("activation returns before PostgreSQL is up", (System.nanoTime() - begin) < TimeUnit.SECONDS.toNanos(2));

        Registered service = registered.get(120, TimeUnit.SECONDS);
        assertEquals(DataSource.class.getName(), service.clazz);
        assertEquals("main", service.properties.get("gongzhi.datasource"));
        assertEquals("gongzhi", service.properties.get("osgi.jndi.service.name"));
        try (Connection c = ((DataSource) service.service).getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_database(), inet_server_port(), current_user,"
                     + " (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)")) {
            assertTrue(rs.next());
            assertEquals("gongzhi", rs.getString(1));
            assertEquals(port, rs.getInt(2));
            assertEquals("the platform's role, not the superuser", "gongzhi", rs.getString(3));
            assertEquals(false, rs.getBoolean(4));
        }

        component.deactivate();
        assertEquals("unregistered", 0, unregistered.getCount());
        assertPortClosed(port);
    }

    @Test
    public void deactivateDuringStartupNeverRegistersAndLeavesNothingRunning() throws Exception {
        int port = freePort();
        EmbeddedDatabase component = new EmbeddedDatabase(fakeContext(), config(port, "gongzhi"));
        component.deactivate(); // returns only after the worker has finished (started + stopped, or never started)
        assertNull("no service", registered.getNow(null));
        assertPortClosed(port);
    }

    private BundleContext fakeContext() {
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("registerService") && args.length == 3) {
                        String clazz = args[0] instanceof Class ? ((Class<?>) args[0]).getName() : (String) args[0];
                        @SuppressWarnings("unchecked")
                        Dictionary<String, ?> properties = (Dictionary<String, ?>) args[2];
                        assertNotNull(properties);
                        if (!registered.complete(new Registered(clazz, args[1], properties))) {
                            fail("registered twice");
                        }
                        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ServiceRegistration.class},
                                (p, m, a) -> {
                                    if (m.getName().equals("unregister")) {
                                        unregistered.countDown();
                                        return null;
                                    }
                                    throw new UnsupportedOperationException(m.getName());
                                });
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private EmbeddedDatabase.Config config(int port, String database) {
        String dataDirectory = tmp.getRoot().toPath().resolve("data").toString();
        return (EmbeddedDatabase.Config) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {EmbeddedDatabase.Config.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "port": return port;
                        case "dataDirectory": return dataDirectory;
                        case "database": return database;
                        case "user": return "gongzhi";
                        case "enabled": return Boolean.TRUE;
                        case "annotationType": return EmbeddedDatabase.Config.class;
                        default: throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void assertPortClosed(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            fail("something still listens on port " + port);
        } catch (java.io.IOException expected) {
            // refused
        }
    }

}
