package org.gongzhi.itests;

import org.gongzhi.keycloak.runner.LocalKeycloak;
import org.junit.runner.Result;
import org.junit.runner.notification.RunListener;

/**
 * Stops the test run's Keycloak when the last test class finished, so it never outlives the test
 * JVM even when surefire ends that JVM before its shutdown hooks complete. Registered in the pom.
 */
public class StopServers extends RunListener {

    @Override
    public void testRunFinished(Result result) {
        LocalKeycloak.stopShared();
        Departments.stopAll();
    }
}
