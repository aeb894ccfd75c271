package org.gongzhi.core.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.Test;

public class ConsoleAssetsTest {

    @Test
    public void onlyPlainRelativePathsAreLookedUp() {
        assertThat(ConsoleAssets.safe("assets/index-abc.js")).isTrue();
        assertThat(ConsoleAssets.safe("index.html")).isTrue();
        assertThat(ConsoleAssets.safe("../META-INF/MANIFEST.MF")).isFalse();
        assertThat(ConsoleAssets.safe("assets/../../x")).isFalse();
        assertThat(ConsoleAssets.safe("/etc/passwd")).isFalse();
        assertThat(ConsoleAssets.safe("assets//x.js")).isFalse();
        assertThat(ConsoleAssets.safe(".hidden")).isFalse();
        assertThat(ConsoleAssets.safe("a\\b")).isFalse();
        assertThat(ConsoleAssets.safe("a b")).isFalse();
        assertThat(ConsoleAssets.safe("案件")).isFalse();
    }

    @Test
    public void routesWithoutExtensionGetTheApplicationMissingFilesDoNot() {
        assertThat(ConsoleServlet.isRoute("jizhou/cases")).isTrue();
        assertThat(ConsoleServlet.isRoute("jizhou/cases/3f6c2a1e-8b4d-4c7a-9e21-5d0b7f3a9c48")).isTrue();
        assertThat(ConsoleServlet.isRoute("city")).isTrue();
        assertThat(ConsoleServlet.isRoute("assets/missing")).isFalse();
        assertThat(ConsoleServlet.isRoute("favicon.png")).isFalse();
        assertThat(ConsoleServlet.isRoute("plugins/x/y")).isFalse();
    }

    @Test
    public void typesAndCachingFollowTheFile() throws IOException {
        Path dir = Files.createTempDirectory("console");
        Files.createDirectories(dir.resolve("assets"));
        String js = "export const a = 1;\n".repeat(200);
        Files.writeString(dir.resolve("assets/app-1234.js"), js);
        Files.writeString(dir.resolve("index.html"), "<!doctype html><title>x</title>");
        ConsoleAssets assets = new ConsoleAssets(p -> {
            Path f = dir.resolve(p);
            try {
                return Files.exists(f) ? f.toUri().toURL() : null;
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        ConsoleAssets.Asset app = assets.find("assets/app-1234.js").orElseThrow();
        assertThat(app.type()).isEqualTo("text/javascript; charset=utf-8");
        assertThat(app.immutable()).isTrue();
        assertThat(app.gzip()).isNotNull().hasSizeLessThan(js.getBytes(StandardCharsets.UTF_8).length / 10);
        ConsoleAssets.Asset index = assets.find("index.html").orElseThrow();
        assertThat(index.immutable()).isFalse();
        assertThat(index.type()).startsWith("text/html");
        assertThat(assets.find("assets/none.js")).isEmpty();
        assertThat(assets.find("../index.html")).isEmpty();
    }

    @Test
    public void policyAllowsOnlyThisOriginAndTheIdentityServer() throws Exception {
        String origin = ConsoleServlet.identityOrigin(Map.of("keycloakUrl", "http://127.0.0.1:18080/"));
        assertThat(origin).isEqualTo("http://127.0.0.1:18080");
        assertThat(ConsoleServlet.identityOrigin(Map.of("keycloakUrl", "http://kc.internal:8080",
                "publicKeycloakUrl", "https://id.example.cn/auth"))).isEqualTo("https://id.example.cn");
        assertThat(ConsoleServlet.identityOrigin(Map.of())).isNull();
        String policy = ConsoleServlet.contentSecurityPolicy(origin);
        assertThat(policy).contains("script-src 'self';", "connect-src 'self' http://127.0.0.1:18080;",
                "frame-ancestors 'none'", "object-src 'none'");
        assertThat(new URL("http://x").getProtocol()).isEqualTo("http");
    }
}
