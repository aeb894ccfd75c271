package org.gongzhi.itests;

import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemTimeout;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.useOwnExamBundlesStartLevel;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import org.awaitility.Awaitility;
import org.gongzhi.keycloak.runner.LocalKeycloak;
import org.junit.Before;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Boots our own distribution (the tar.gz this build produced) with its database pointed at a
 * real PostgreSQL and its identity at a real Keycloak that the test starts (one Keycloak for the
 * whole test run), its SMS gateway at a department simulator playing the SMS provider, on free
 * ports; test methods run inside the container and talk to the
 * platform over HTTP with Keycloak tokens like any client.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public abstract class PlatformTestSupport {

    /** System property (test JVM and container) with the base URL of the SMS provider simulator. */
    static final String SMS_PROPERTY = "gongzhi.test.sms.url";

    protected Api api;

    @Configuration
    public Option[] config() throws IOException {
        int http = freePort();
        // the database starts with the class, not now: Pax Exam asks every class for its options at discovery
        return OptionUtils.combine(platformOptions(TestDatabase.forClass(getClass()), http, new File("target/exam"),
                        remoteShell()),
                extraOptions(http, LocalKeycloak.shared().url()));
    }

    /**
     * The options that boot our distribution against {@code db} and the shared Keycloak with HTTP on
     * {@code httpPort}, unpacked under {@code unpackDirectory}. Also used by tests that run in the test JVM
     * and boot the container themselves ({@link BootedPlatform}).
     */
    static Option[] platformOptions(TestDatabase db, int httpPort, File unpackDirectory, boolean remoteShell) throws IOException {
        LocalKeycloak keycloak = LocalKeycloak.shared();
        String sms = Departments.startSms(); // the SMS provider: residents' one-time codes are read back from it
        System.setProperty(SMS_PROPERTY, sms); // for the tests that run in this JVM (BootedPlatform)
        String http = Integer.toString(httpPort);
        String ssh = Integer.toString(freePort());
        return options(
                karafDistributionConfiguration()
                        .frameworkUrl("file:" + System.getProperty("gongzhi.distribution"))
                        .name("Gongzhi")
                        .unpackDirectory(unpackDirectory)
                        .useDeployFolder(false),
                remoteShell ? configureConsole().ignoreLocalConsole().startRemoteShell()
                        : configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
                logLevel(LogLevel.INFO),
                // Pax Exam's own bundles after the platform's (start level 80): otherwise its remote bundle
                // context can come up while Karaf is still deploying the boot features, the probe is
                // installed too early and, now and then, its invoker never appears (every test method of
                // the class then waits out the system timeout)
                useOwnExamBundlesStartLevel(90),
                // and, started that late on a loaded machine, the probe waits up to two minutes (not 10 s)
                // for its invoker, and the invoker for its injector
                editConfigurationFilePut("etc/system.properties", "org.ops4j.pax.exam.raw.extender.intern.Parser.DEFAULT_TIMEOUT",
                        "120000"),
                editConfigurationFilePut("etc/system.properties",
                        "org.ops4j.pax.exam.invoker.junit.internal.JUnitProbeInvokerFactory.DEFAULT_TIMEOUT", "120000"),
                systemTimeout(180_000),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", http),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", ssh),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", Integer.toString(freePort())),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", Integer.toString(freePort())),
                editConfigurationFilePut("etc/system.properties", "gongzhi.test.ssh.port", ssh),
                editConfigurationFilePut("etc/org.gongzhi.devdb.cfg", "enabled", "false"),
                editConfigurationFilePut("etc/org.gongzhi.datasource.cfg", "url", db.jdbcUrl()),
                editConfigurationFilePut("etc/org.gongzhi.datasource.cfg", "user", db.user()),
                editConfigurationFilePut("etc/org.gongzhi.datasource.cfg", "password", db.password()),
                editConfigurationFilePut("etc/system.properties", "gongzhi.test.http.port", http),
                editConfigurationFilePut("etc/org.gongzhi.identity.cfg", "keycloakUrl", keycloak.url()),
                editConfigurationFilePut("etc/org.gongzhi.identity.cfg", "audience", "gongzhi-api"),
                editConfigurationFilePut("etc/org.gongzhi.provisioning.cfg", "keycloakUrl", keycloak.url()),
                editConfigurationFilePut("etc/org.gongzhi.provisioning.cfg", "adminUser", keycloak.adminUser()),
                editConfigurationFilePut("etc/org.gongzhi.provisioning.cfg", "adminPassword", keycloak.adminPassword()),
                editConfigurationFilePut("etc/org.gongzhi.provisioning.cfg", "provisionAtStart", "true"),
                editConfigurationFilePut("etc/org.gongzhi.sms.cfg", "url", sms + "/sms"),
                editConfigurationFilePut("etc/system.properties", SMS_PROPERTY, sms),
                editConfigurationFilePut("etc/system.properties", "gongzhi.test.keycloak.url", keycloak.url()),
                editConfigurationFilePut("etc/system.properties", "gongzhi.test.keycloak.admin.user", keycloak.adminUser()),
                editConfigurationFilePut("etc/system.properties", "gongzhi.test.keycloak.admin.password",
                        keycloak.adminPassword()),
                mavenBundle("org.awaitility", "awaitility", System.getProperty("awaitility.version")),
                mavenBundle("org.hamcrest", "hamcrest", System.getProperty("hamcrest.version")));
    }

    /**
     * Options a test class adds (runs in the test JVM before the container starts); none by
     * default. Only JDK and Pax Exam types in the signature: the container loads test classes too.
     */
    protected Option[] extraOptions(int httpPort, String keycloakUrl) throws IOException {
        return new Option[0];
    }

    /** Whether Karaf's SSH console runs (off by default: no test needs it). */
    protected boolean remoteShell() {
        return false;
    }

    /** Ports handed out by {@link #freePort()} in this JVM: never handed out twice. */
    private static final java.util.Set<Integer> HANDED_OUT = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * A port free now, for a server the container starts later. Taken below Linux's ephemeral range (32768 and
     * up): a port from {@code new ServerSocket(0)} comes from that range, where any outgoing connection of the
     * machine (a JDBC pool, Chromium, Keycloak) may take it before Karaf binds it — which happened once
     * ("Failed to bind"), and the class then waited out its health check for every method.
     */
    static int freePort() throws IOException {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = random.nextInt(20_000, 32_000);
            if (!HANDED_OUT.add(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // in use: try another
            }
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * Waits until the platform answers health 200 (database migrated, districts loaded) and the
     * identity realms of the city and the three demo districts are provisioned and trusted: each
     * district administrator's token reads its district.
     */
    @Before
    public void platformReady() {
        api = new Api(Integer.getInteger("gongzhi.test.http.port"));
        awaitReady(api);
    }

    /** Health 200 and the demo realms provisioned (see {@link #platformReady()}). */
    static void awaitReady(Api api) {
        Awaitility.await("health 200").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> api.get("/api/v1/health").status() == 200);
        Awaitility.await("demo realms provisioned").atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> api.get("/api/v1/tenants/donghu").status() == 200
                        && api.get("/api/v1/tenants/jizhou").status() == 200
                        && api.get("/api/v1/tenants/jiangbei").status() == 200
                        && api.get("/api/v1/city/districts").status() == 200);
    }
}
