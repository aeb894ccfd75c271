package org.gongzhi.itests;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntFunction;
import java.util.stream.Stream;

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

    private BootedPlatform(TestContainer container, ExamSystem system, int httpPort, File unpackDirectory) {
        this.container = container;
        this.system = system;
        this.httpPort = httpPort;
        this.unpackDirectory = unpackDirectory;
    }

    /** Boots the platform and waits until it is ready (health 200, demo realms provisioned). */
    static BootedPlatform start(String name) throws IOException {
        return start(name, http -> new Option[0]);
    }

    /** Boots the platform with options of the test's own that may depend on its HTTP port, and waits until it is ready. */
    static BootedPlatform start(String name, IntFunction<Option[]> extra) throws IOException {
        int http = PlatformTestSupport.freePort();
        File unpack = new File("target/exam-" + name);
        ExamSystem system = PaxExamRuntime.createServerSystem(
                OptionUtils.combine(PlatformTestSupport.platformOptions(http, unpack, false), extra.apply(http)));
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
        return newest(Path.of("data", "log", "karaf.log"));
    }

    /** The container's {@code etc} directory (of the newest unpacked distribution). */
    Path etc() {
        return newest(Path.of("etc", "org.apache.karaf.management.cfg")).getParent();
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
