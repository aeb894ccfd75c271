package org.gongzhi.itests;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.gongzhi.keycloak.runner.LocalKeycloak;
import org.ops4j.pax.exam.ExamSystem;
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

    private BootedPlatform(TestContainer container, ExamSystem system, int httpPort, File unpackDirectory) {
        this.container = container;
        this.system = system;
        this.httpPort = httpPort;
        this.unpackDirectory = unpackDirectory;
    }

    /** Boots the platform and waits until it is ready (health 200, demo realms provisioned). */
    static BootedPlatform start(String name) throws IOException {
        int http = PlatformTestSupport.freePort();
        File unpack = new File("target/exam-" + name);
        ExamSystem system = PaxExamRuntime.createServerSystem(PlatformTestSupport.platformOptions(http, unpack, false));
        TestContainer container = PaxExamRuntime.createContainer(system);
        container.start();
        System.setProperty("gongzhi.test.keycloak.url", LocalKeycloak.shared().url());
        BootedPlatform platform = new BootedPlatform(container, system, http, unpack);
        PlatformTestSupport.awaitReady(platform.api());
        return platform;
    }

    int httpPort() {
        return httpPort;
    }

    Api api() {
        return new Api(httpPort);
    }

    /** The container's log file (the newest {@code data/log/karaf.log} under the unpack directory). */
    Path karafLog() {
        try (Stream<Path> files = Files.walk(unpackDirectory.toPath())) {
            return files.filter(p -> p.endsWith(Path.of("data", "log", "karaf.log")))
                    .max((a, b) -> Long.compare(a.toFile().lastModified(), b.toFile().lastModified()))
                    .orElseThrow(() -> new IllegalStateException("no karaf.log under " + unpackDirectory));
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
