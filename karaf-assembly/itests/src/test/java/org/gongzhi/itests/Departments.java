package org.gongzhi.itests;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.gongzhi.simulator.DepartmentSimulator;

/**
 * Department systems for the integration tests: department simulators (real HTTP servers) started
 * in the test JVM before the container, stopped by {@link StopServers} at the end of the run.
 */
final class Departments {

    private static final List<DepartmentSimulator> STARTED = new CopyOnWriteArrayList<>();

    private Departments() {
    }

    /**
     * Starts a simulator answering dispatches at {@code /dispatches/{tenant}/{department}} and reporting
     * progress to the platform on {@code httpPort} with the departments' demo client secrets.
     *
     * @param poisonTitle titles starting with it are refused with 422
     * @param header      {@code name:value} every dispatch must carry, or {@code null}
     * @param updates     whether it reports progress (accepted, then resolved)
     * @return its base URL
     */
    static String start(int httpPort, String keycloakUrl, String poisonTitle, String header, boolean updates) {
        var b = DepartmentSimulator.builder().host("127.0.0.1").port(0)
                .dispatchPath("/dispatches/{tenant}/{department}")
                .updates(updates).returnRate(0)
                .acceptAfter(Duration.ofMillis(200)).progressAfter(Duration.ofMillis(400)).resolveAfter(Duration.ofMillis(600))
                .platformUrl("http://127.0.0.1:" + httpPort)
                .tokenUrl(keycloakUrl + "/realms/{tenant}/protocol/openid-connect/token")
                .clientSecret("demo-{tenant}-{department}-secret")
                .retryInitial(Duration.ofMillis(500)).retryMax(Duration.ofSeconds(5))
                .quiet(true);
        if (poisonTitle != null) {
            b.poisonTitle(poisonTitle);
        }
        if (header != null) {
            b.requireHeader(header);
        }
        DepartmentSimulator simulator = b.build();
        simulator.start();
        STARTED.add(simulator);
        return simulator.baseUrl().toString();
    }

    /**
     * Starts a simulator that plays the SMS provider only (no dispatches expected, no updates); the
     * platform's {@code org.gongzhi.sms} points at its {@code /sms}, tests read the codes from
     * {@code /sms/messages?to=…}.
     *
     * @return its base URL
     */
    static String startSms() {
        DepartmentSimulator simulator = DepartmentSimulator.builder().host("127.0.0.1").port(0).updates(false)
                .quiet(true).build();
        simulator.start();
        STARTED.add(simulator);
        return simulator.baseUrl().toString();
    }

    /**
     * Starts a simulator that plays the providers of notifications (issue 16): the SMS gateway at
     * {@code /sms} and WeChat Work group robots at {@code /wecom/send?key=…}; the test keeps it to read
     * what arrived and to take it down.
     */
    static DepartmentSimulator startProvider() {
        return startProvider(-1);
    }

    /** {@link #startProvider()} that is also an SMTP server on a free port ({@link DepartmentSimulator#smtpPort()}). */
    static DepartmentSimulator startMailingProvider() {
        return startProvider(0);
    }

    private static DepartmentSimulator startProvider(int smtpPort) {
        DepartmentSimulator simulator = DepartmentSimulator.builder().host("127.0.0.1").port(0).updates(false)
                .smtpPort(smtpPort).quiet(true).build();
        simulator.start();
        STARTED.add(simulator);
        return simulator;
    }

    static void stopAll() {
        STARTED.forEach(DepartmentSimulator::stop);
        STARTED.clear();
    }
}
