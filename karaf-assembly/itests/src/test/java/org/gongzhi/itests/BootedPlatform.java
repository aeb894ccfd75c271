package org.gongzhi.itests;

import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import org.gongzhi.caseloader.CaseLoader;
import org.gongzhi.core.tenant.TenantDefinitionReader;
import org.gongzhi.keycloak.runner.LocalKeycloak;
import org.ops4j.pax.exam.ExamSystem;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.TestContainer;
import org.ops4j.pax.exam.spi.PaxExamRuntime;

/**
 * Our distribution booted by Pax Exam in server mode, for tests that run in the test JVM (jqwik
 * properties) and talk to it over HTTP only: the same options as {@link PlatformTestSupport}, no
 * probe. Also finds the container's {@code karaf.log} under the unpack directory.
 */
final class BootedPlatform implements AutoCloseable {

    private final TestContainer container;
    private final ExamSystem system;
    private final int httpPort;
    private final File unpackDirectory;
    private final TestDatabase database;
    private final String sms;

    /** The test JVM's shared platform ({@link #shared()}), null until first asked for. */
    private static BootedPlatform shared;
    /** Why the shared platform did not boot, if it did not. */
    private static Throwable sharedFailure;

    private BootedPlatform(TestContainer container, ExamSystem system, int httpPort, File unpackDirectory,
                           TestDatabase database, String sms) {
        this.container = container;
        this.system = system;
        this.httpPort = httpPort;
        this.unpackDirectory = unpackDirectory;
        this.database = database;
        this.sms = sms;
    }

    /**
     * The one platform of this test JVM for the test classes that can share it ({@link SharedPlatformTest} and
     * the browser tests that leave no figures others count): booted for the browser on first use, stopped when
     * the test plan finished ({@link StopServers}; after a plan with failures, when the test JVM ends).
     * Sharing spares each class a boot (about 25 s). A class sharing it must not close it, must not assume
     * an empty district, and must undo what it changes for everyone (a suspended district, a configuration).
     */
    static synchronized BootedPlatform shared() throws IOException {
        if (sharedFailure != null) {
            throw new IOException("the shared platform did not come up (see the first class that asked for it)",
                    sharedFailure);
        }
        if (shared == null) {
            try {
                shared = start("shared", TestDatabase.startForJvm(), BootedPlatform::browserOptions);
                // stopped at the end of a plan without failures (StopServers), else when the test JVM ends
                Runtime.getRuntime().addShutdownHook(new Thread(BootedPlatform::stopShared, "gongzhi-shared-platform-stop"));
            } catch (IOException | RuntimeException | Error e) {
                sharedFailure = e; // the next classes fail at once instead of waiting minutes each for a second boot
                throw e;
            }
        }
        // another class's platform may have started its own SMS provider since: the residents' codes come from ours
        System.setProperty(PlatformTestSupport.SMS_PROPERTY, shared.sms);
        return shared;
    }

    /** Stops the shared platform if it was started (end of the test plan). */
    static synchronized void stopShared() {
        if (shared != null) {
            shared.close();
            shared = null;
        }
    }

    /** Boots the platform and waits until it is ready (health 200, demo realms provisioned). */
    static BootedPlatform start(String name) throws IOException {
        return start(name, http -> new Option[0]);
    }

    /**
     * Boots the platform for a browser test: with the operator account, and the web client allowing this
     * boot's origin, since the pages call Keycloak from the browser (CORS). Only browser tests add an origin:
     * Keycloak puts every allowed origin into every token of the realm.
     */
    static BootedPlatform startForBrowser(String name) throws IOException {
        return start(name, BootedPlatform::browserOptions);
    }

    private static Option[] browserOptions(int http) {
        return new Option[] {KarafFeatures.operatorAccount(),
                editConfigurationFilePut("etc/org.gongzhi.provisioning.cfg", "publicClientWebOrigins",
                        "+,http://127.0.0.1:" + http)};
    }

    /**
     * Boots the platform with options of the test's own that may depend on its HTTP port, and waits until it is
     * ready. Its database stops when the calling class finishes.
     */
    static BootedPlatform start(String name, IntFunction<Option[]> extra) throws IOException {
        return start(name, TestDatabase.start(), extra);
    }

    /** The same on a database the caller started: several platforms on one database are the nodes of a cluster. */
    static BootedPlatform start(String name, TestDatabase database, IntFunction<Option[]> extra) throws IOException {
        int http = PlatformTestSupport.freePort();
        File unpack = new File("target/exam-" + name);
        ExamSystem system = PaxExamRuntime.createServerSystem(
                OptionUtils.combine(PlatformTestSupport.platformOptions(database, http, unpack, false), extra.apply(http)));
        TestContainer container = PaxExamRuntime.createContainer(system);
        String sms = System.getProperty(PlatformTestSupport.SMS_PROPERTY); // set by platformOptions: this boot's provider
        container.start();
        System.setProperty("gongzhi.test.keycloak.url", LocalKeycloak.shared().url());
        // as in the container (etc/system.properties): KeycloakAdmin reads them
        System.setProperty("gongzhi.test.keycloak.admin.user", LocalKeycloak.shared().adminUser());
        System.setProperty("gongzhi.test.keycloak.admin.password", LocalKeycloak.shared().adminPassword());
        BootedPlatform platform = new BootedPlatform(container, system, http, unpack, database, sms);
        try {
            PlatformTestSupport.awaitReady(platform.api());
        } catch (RuntimeException | Error notReady) {
            platform.close(); // not left running behind the failed test
            throw notReady;
        }
        return platform;
    }

    int httpPort() {
        return httpPort;
    }

    Api api() {
        return new Api(httpPort);
    }

    /** A connection to the platform's database, as the platform's own role (the schema's owner). */
    Connection database() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }

    /**
     * Adds {@code cases} realistic cases, reported over the last {@code days} days, to a demo district
     * ({@code tenants/<district>} of the repository, as the distribution ships it) with the bulk case
     * loader ({@code gongzhi-case-loader}: COPY, seconds for 10,000). Call it after {@link #start}: the
     * platform creates the schema and the district's row.
     */
    CaseLoader.Loaded loadCases(String district, long cases, int days) throws SQLException {
        try (Connection db = database()) {
            return new CaseLoader(new TenantDefinitionReader().read(Path.of("../../tenants", district)), 15)
                    .load(db, cases, Instant.now(), days);
        }
    }

    /** The container's log file (the newest {@code data/log/karaf.log} under the unpack directory). */
    Path karafLog() {
        return newest(Path.of("data", "log", "karaf.log"));
    }

    /** The container's {@code etc} directory (of the newest unpacked distribution). */
    Path etc() {
        return newest(Path.of("etc", "org.apache.karaf.management.cfg")).getParent();
    }

    /** The container's {@code karaf.home} (of the newest unpacked distribution). */
    Path home() {
        return etc().getParent();
    }

    /** The container's {@code karaf.data}. */
    Path data() {
        return home().resolve("data");
    }

    private Path newest(Path tail) {
        try (Stream<Path> files = Files.walk(unpackDirectory.toPath())) {
            return files.filter(p -> p.endsWith(tail))
                    .max((a, b) -> Long.compare(a.toFile().lastModified(), b.toFile().lastModified()))
                    .orElseThrow(() -> new IllegalStateException("no " + tail + " under " + unpackDirectory));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        container.stop();
        system.clear();
    }
}
