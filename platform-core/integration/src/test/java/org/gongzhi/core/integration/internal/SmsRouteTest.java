package org.gongzhi.core.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.gongzhi.core.service.residents.SmsGateway;
import org.gongzhi.simulator.DepartmentSimulator;
import org.gongzhi.simulator.DownMode;
import org.gongzhi.simulator.SmsMessage;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** The SMS route in a real Camel context against the department simulator playing the SMS provider. */
public class SmsRouteTest {

    private static final String PHONE = "13800138000";
    private final ByteArrayOutputStream events = new ByteArrayOutputStream();
    private DepartmentSimulator provider;
    private CamelRuntime runtime;
    private CamelSmsGateway gateway;

    @Before
    public void start() throws Exception {
        provider = DepartmentSimulator.builder().host("127.0.0.1").port(0).updates(false)
                .smsRequireHeader("Authorization: Bearer sms-key")
                .log(new PrintStream(events, true, StandardCharsets.UTF_8)).build();
        provider.start();
        runtime = new CamelRuntime(new CamelRuntime.Settings("test-node", 2, 0, Duration.ofMillis(20), Duration.ofSeconds(1),
                Duration.ofSeconds(1), 3, Duration.ofMillis(100), 50, Duration.ofSeconds(30), Duration.ofSeconds(2),
                Duration.ofSeconds(5), Path.of("target"), "http://127.0.0.1:8181"));
    }

    private CamelSmsGateway gateway(URI url, String authorization, Duration responseTimeout) throws Exception {
        gateway = new CamelSmsGateway(runtime, new SmsRoute.Settings(url, "【共治】", authorization, Duration.ofSeconds(1),
                responseTimeout, 2, Duration.ofMillis(10)));
        return gateway;
    }

    @After
    public void stop() {
        if (gateway != null) {
            gateway.stop();
        }
        runtime.stop();
        provider.stop();
    }

    private long attempts(String event) {
        return events.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains(" " + event + " ")).count();
    }

    @Test
    public void aMessageIsPostedOnceWithTheSignature() throws Exception {
        gateway(provider.smsUrl(), "Bearer sms-key", Duration.ofSeconds(2)).send("jizhou", PHONE, "您的验证码为 123456");
        List<SmsMessage> sent = provider.smsMessages(PHONE);
        assertThat(sent).singleElement().satisfies(m -> {
            assertThat(m.text()).isEqualTo("【共治】您的验证码为 123456");
            assertThat(m.signature()).isEqualTo("【共治】");
            assertThat(m.tenant()).isEqualTo("jizhou");
        });
        gateway.send("jizhou", PHONE, "第二条");
        assertThat(provider.smsMessages(PHONE)).hasSize(2);
    }

    @Test
    public void aRefusalIsNotRetried() throws Exception {
        gateway(provider.smsUrl(), "Bearer wrong", Duration.ofSeconds(2));
        String log = stderrOf(() -> assertThatThrownBy(() -> gateway.send("jizhou", PHONE, "您的验证码为 123456"))
                .isInstanceOf(SmsGateway.SmsUnavailableException.class)
                .hasMessageContaining("HTTP 401").hasMessageNotContaining(PHONE));
        assertThat(attempts("sms-rejected")).isEqualTo(1);
        assertThat(log).as("Camel logs no failure of its own, and nothing of the message")
                .doesNotContain("ERROR").doesNotContain(PHONE).doesNotContain("123456").contains("HTTP 401");
    }

    /** What was logged (slf4j-simple writes to standard error) while {@code r} ran. */
    private static String stderrOf(Runnable r) {
        PrintStream before = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setErr(before);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    public void aProviderThatIsDownIsRetriedThenUnavailable() throws Exception {
        gateway(provider.smsUrl(), "Bearer sms-key", Duration.ofSeconds(2));
        provider.down();
        String log = stderrOf(() -> assertThatThrownBy(() -> gateway.send("jizhou", PHONE, "x"))
                .isInstanceOf(SmsGateway.SmsUnavailableException.class).hasMessageContaining("HTTP 503"));
        assertThat(log).doesNotContain("ERROR").doesNotContain(PHONE);
        assertThat(attempts("sms-rejected")).as("the first try and two retries").isEqualTo(3);
        provider.down(null, DownMode.REFUSE);
        assertThatThrownBy(() -> gateway.send("jizhou", PHONE, "x")).isInstanceOf(SmsGateway.SmsUnavailableException.class)
                .hasMessageContaining("could not be reached");
        provider.up();
        gateway.send("jizhou", PHONE, "y");
        assertThat(provider.smsMessages(PHONE)).extracting(SmsMessage::text).containsExactly("【共治】y");
    }

    @Test
    public void aProviderThatDoesNotAnswerTimesOut() throws Exception {
        List<Socket> held = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread accept = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept()); // accepted, never answered
                    }
                } catch (java.io.IOException closed) {
                    // the test is over
                }
            });
            accept.setDaemon(true);
            accept.start();
            gateway(URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/sms"), "", Duration.ofMillis(300));
            long start = System.nanoTime();
            assertThatThrownBy(() -> gateway.send("jizhou", PHONE, "x"))
                    .isInstanceOf(SmsGateway.SmsUnavailableException.class).hasMessageContaining("did not answer");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(held).as("three attempts").hasSize(3);
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    public void theConfigurationMustNameAnHttpUrl() {
        assertThatThrownBy(() -> SmsRoute.Settings.of(config("ftp://x/sms"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SmsRoute.Settings.of(config("not a url"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(SmsRoute.Settings.of(config("https://sms.example.cn/send")).signature()).isEqualTo("【共治】");
    }

    private static SmsConfig config(String url) {
        return new SmsConfig() {
            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return SmsConfig.class;
            }

            @Override
            public String url() {
                return url;
            }

            @Override
            public String signature() {
                return "【共治】";
            }

            @Override
            public String authorization() {
                return "";
            }

            @Override
            public long connectTimeoutMillis() {
                return 3000;
            }

            @Override
            public long responseTimeoutMillis() {
                return 5000;
            }

            @Override
            public int retries() {
                return 2;
            }

            @Override
            public long retryDelayMillis() {
                return 300;
            }
        };
    }
}
