package org.gongzhi.itests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.gongzhi.keycloak.runner.LocalKeycloak;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Stops the test run's shared platform, Keycloak and department servers when the last test finished, so they
 * never outlive the test JVM even when surefire ends that JVM before its shutdown hooks
 * complete. Registered with the JUnit Platform in
 * {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}.
 *
 * <p>Not after a plan in which a test failed: surefire then runs the failed tests again in a second plan in the
 * same JVM, which must find the same Keycloak and shared platform (a Keycloak started afresh has none of the
 * realms, and the platform booted for the rerun waited for them in vain). Their shutdown hooks stop them when
 * that JVM ends.
 *
 * <p>Also starts and stops each test class's own database with the class ({@link TestDatabase}), and, should the
 * JVM take longer than {@link #EXIT_WATCH} to exit, writes its threads to {@code target/exit-threads.txt}
 * (surefire kills a JVM that does not exit in time, which says nothing about why).
 */
public class StopServers implements TestExecutionListener {

    /** How long the JVM may take to exit before its threads are written down. */
    static final Duration EXIT_WATCH = Duration.ofSeconds(45);

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(StopServers::watchExit, "gongzhi-exit-watch"));
    }

    private volatile boolean failed;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        failed = false;
    }

    @Override
    public void executionStarted(TestIdentifier test) {
        if (test.getSource().orElse(null) instanceof ClassSource source) {
            TestDatabase.classStarted(source.getClassName());
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.FAILED) {
            failed = true;
        }
        if (test.getSource().orElse(null) instanceof ClassSource source) {
            TestDatabase.classFinished(source.getClassName());
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (failed) {
            return;
        }
        BootedPlatform.stopShared();
        LocalKeycloak.stopShared();
        Departments.stopAll();
        TestDatabase.stopAll();
    }

    /** A shutdown hook: starts a daemon that writes the threads down if the JVM is still exiting after a while. */
    private static void watchExit() {
        Thread watch = new Thread(() -> {
            try {
                Thread.sleep(EXIT_WATCH.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            StringBuilder dump = new StringBuilder("still exiting after " + EXIT_WATCH + "\n");
            for (Map.Entry<Thread, StackTraceElement[]> t : Thread.getAllStackTraces().entrySet()) {
                dump.append('\n').append(t.getKey()).append(t.getKey().isDaemon() ? " daemon" : "").append('\n');
                for (StackTraceElement frame : t.getValue()) {
                    dump.append("    at ").append(frame).append('\n');
                }
            }
            try {
                Files.writeString(Path.of("target", "exit-threads.txt"), dump, StandardCharsets.UTF_8);
            } catch (IOException e) {
                System.err.println(dump);
            }
        }, "gongzhi-exit-watchdog");
        watch.setDaemon(true); // the JVM halts as soon as the other hooks are done
        watch.start();
    }
}
