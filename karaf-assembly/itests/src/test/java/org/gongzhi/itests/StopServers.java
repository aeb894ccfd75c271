package org.gongzhi.itests;

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
 * <p>Also starts and stops each test class's own database with the class ({@link TestDatabase}).
 */
public class StopServers implements TestExecutionListener {

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
}
