package org.gongzhi.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.Test;

/** The command line and the checks of the builder. */
public class OptionsTest {

    private static Settings parse(String... args) {
        return Options.parse(args).settings();
    }

    @Test
    public void defaults() {
        Settings s = parse();
        assertThat(s.host()).isEqualTo("127.0.0.1");
        assertThat(s.port()).isEqualTo(SimulatorBuilder.DEFAULT_PORT);
        assertThat(s.dispatchPath().text()).isEqualTo("/dispatches");
        assertThat(s.requiredHeader()).isNull();
        assertThat(s.latency()).isZero();
        assertThat(s.failRate()).isZero();
        assertThat(s.failTimes()).isEqualTo(1);
        assertThat(s.downFor()).isZero();
        assertThat(s.downMode()).isEqualTo(DownMode.UNAVAILABLE);
        assertThat(s.acceptAfter()).isEqualTo(Duration.ofSeconds(2));
        assertThat(s.progressAfter()).isNull();
        assertThat(s.resolveAfter()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.updates()).isTrue();
        assertThat(s.platformUrl()).hasToString("http://127.0.0.1:8181");
        assertThat(s.updatePath().expand("jizhou", "CG")).isEqualTo("/api/v1/tenants/jizhou/departments/CG/updates");
        assertThat(s.tokenUrl().expand("jizhou", "CG"))
                .isEqualTo("http://127.0.0.1:18080/realms/jizhou/protocol/openid-connect/token");
        assertThat(s.clientId().expandLowerCase("jizhou", "CG")).isEqualTo("dept-cg");
        assertThat(s.secrets().configured()).isFalse();
        assertThat(s.retryInitial()).isEqualTo(Duration.ofSeconds(1));
        assertThat(s.retryMax()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.quiet()).isFalse();
    }

    @Test
    public void everyFlag() throws Exception {
        Path secrets = Files.createTempFile("secrets", ".properties");
        try {
            Files.writeString(secrets, "jizhou.CG=s1\ndonghu.hw=s2\n");
            Settings s = parse("--host", "0.0.0.0", "--port=0", "--dispatch-path", "/departments/{department}/dispatches",
                    "--require-header", "X-Api-Key: k1", "--latency", "5ms", "--fail-rate", "0.25", "--fail-times", "2",
                    "--seed", "-7", "--down-for", "60s", "--down-mode", "refuse", "--poison-title", "POISON",
                    "--drop-dir", "/tmp/drop", "--rescan", "500ms", "--accept-after", "1s", "--progress-after", "3s",
                    "--resolve-after", "1m", "--return-rate", "0.1", "--platform-url", "http://127.0.0.1:8282/",
                    "--update-path", "/u/{tenant}/{department}", "--token-url", "http://kc/realms/{tenant}/t",
                    "--client-id", "sys-{department}", "--client-secret", "fallback", "--secrets-file",
                    secrets.toString(), "--updates-dir", "/tmp/updates", "--retry-initial", "250ms", "--retry-max",
                    "5s", "--request-timeout", "3s", "--threads", "4", "--quiet", "--no-updates");
            assertThat(s.host()).isEqualTo("0.0.0.0");
            assertThat(s.port()).isZero();
            assertThat(s.requiredHeader()).isEqualTo(new Settings.RequiredHeader("X-Api-Key", "k1"));
            assertThat(s.requiredHeader().toString()).doesNotContain("k1");
            assertThat(s.latency()).isEqualTo(Duration.ofMillis(5));
            assertThat(s.failRate()).isEqualTo(0.25);
            assertThat(s.failTimes()).isEqualTo(2);
            assertThat(s.seed()).isEqualTo(-7);
            assertThat(s.downFor()).isEqualTo(Duration.ofMinutes(1));
            assertThat(s.downMode()).isEqualTo(DownMode.REFUSE);
            assertThat(s.poisonTitle()).isEqualTo("POISON");
            assertThat(s.dropDir()).isEqualTo(Path.of("/tmp/drop"));
            assertThat(s.rescan()).isEqualTo(Duration.ofMillis(500));
            assertThat(s.progressAfter()).isEqualTo(Duration.ofSeconds(3));
            assertThat(s.resolveAfter()).isEqualTo(Duration.ofMinutes(1));
            assertThat(s.returnRate()).isEqualTo(0.1);
            assertThat(s.platformUrl()).hasToString("http://127.0.0.1:8282");
            assertThat(s.updatePath().expand("jizhou", "CG")).isEqualTo("/u/jizhou/CG");
            assertThat(s.clientId().expandLowerCase("jizhou", "CG")).isEqualTo("sys-cg");
            assertThat(s.secrets().secretFor("jizhou", "CG")).isEqualTo("s1");
            assertThat(s.secrets().secretFor("donghu", "HW")).isEqualTo("s2");
            assertThat(s.secrets().secretFor("jiangbei", "CG")).isEqualTo("fallback");
            assertThat(s.updatesDir()).isEqualTo(Path.of("/tmp/updates"));
            assertThat(s.retryInitial()).isEqualTo(Duration.ofMillis(250));
            assertThat(s.retryMax()).isEqualTo(Duration.ofSeconds(5));
            assertThat(s.requestTimeout()).isEqualTo(Duration.ofSeconds(3));
            assertThat(s.threads()).isEqualTo(4);
            assertThat(s.quiet()).isTrue();
            assertThat(s.updates()).isFalse();
        } finally {
            Files.deleteIfExists(secrets);
        }
    }

    @Test
    public void theClientSecretMayBeATemplate() {
        Settings s = parse("--client-secret", "demo-{tenant}-{department}-secret");
        assertThat(s.secrets().secretFor("jizhou", "CG")).isEqualTo("demo-jizhou-cg-secret");
        assertThat(s.secrets().configured()).isTrue();
    }

    @Test
    public void mistakesAreExplained() {
        assertThatThrownBy(() -> parse("--bogus")).hasMessageContaining("unknown option: --bogus");
        assertThatThrownBy(() -> parse("--port")).hasMessageContaining("--port needs a value");
        assertThatThrownBy(() -> parse("--port", "1", "--port", "2")).hasMessageContaining("given twice");
        assertThatThrownBy(() -> parse("--fail-rate", "1.5")).hasMessageContaining("--fail-rate");
        assertThatThrownBy(() -> parse("--latency", "soon")).hasMessageContaining("--latency: not a duration");
        assertThatThrownBy(() -> parse("--down-mode", "crash")).hasMessageContaining("503 or refuse");
        assertThatThrownBy(() -> parse("--dispatch-path", "/x/{case}")).hasMessageContaining("{case}");
        assertThatThrownBy(() -> parse("--dispatch-path", "/admin/x")).hasMessageContaining("/admin");
        assertThatThrownBy(() -> parse("--accept-after", "5s", "--resolve-after", "1s"))
                .hasMessageContaining("--resolve-after");
        assertThatThrownBy(() -> parse("--progress-after", "20s")).hasMessageContaining("--progress-after");
        assertThatThrownBy(() -> parse("--platform-url", "ftp://x")).hasMessageContaining("--platform-url");
        assertThatThrownBy(() -> parse("--secrets-file", "/does/not/exist")).hasMessageContaining("--secrets-file");
        assertThatThrownBy(() -> parse("--require-header", "novalue")).hasMessageContaining("Name: value");
        assertThatThrownBy(() -> parse("--help")).isInstanceOf(Options.HelpRequested.class);
    }

    @Test
    public void theUsageNamesEveryFlag() {
        for (String flag : new String[] {"--host", "--port", "--dispatch-path", "--require-header", "--latency",
                "--fail-rate", "--fail-times", "--seed", "--down-for", "--down-mode", "--poison-title", "--drop-dir",
                "--rescan", "--accept-after", "--progress-after", "--resolve-after", "--return-rate", "--no-updates",
                "--platform-url", "--update-path", "--token-url", "--client-id", "--client-secret", "--secrets-file",
                "--updates-dir", "--retry-initial", "--retry-max", "--request-timeout", "--threads", "--quiet"}) {
            assertThat(Options.USAGE).contains(flag);
        }
    }
}
