package org.gongzhi.itests;

import org.gongzhi.keycloak.runner.LocalKeycloak;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Stops the test run's Keycloak and department servers when the last test finished, so they
 * never outlive the test JVM even when surefire ends that JVM before its shutdown hooks
 * complete. Registered with the JUnit Platform in
 * {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}.
 */
public class StopServers implements TestExecutionListener {

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        LocalKeycloak.stopShared();
        Departments.stopAll();
    }
}
