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
        assertThat(BuiltPageServlet.isRoute("jizhou/cases")).isTrue();
        assertThat(BuiltPageServlet.isRoute("jizhou/cases/3f6c2a1e-8b4d-4c7a-9e21-5d0b7f3a9c48")).isTrue();
        assertThat(BuiltPageServlet.isRoute("city")).isTrue();
        assertThat(BuiltPageServlet.isRoute("assets/missing")).isFalse();
        assertThat(BuiltPageServlet.isRoute("favicon.png")).isFalse();
        assertThat(BuiltPageServlet.isRoute("plugins/x/y")).isFalse();
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
        String origin = SignedInPageServlet.identityOrigin(Map.of("keycloakUrl", "http://127.0.0.1:18080/"));
        assertThat(origin).isEqualTo("http://127.0.0.1:18080");
        assertThat(SignedInPageServlet.identityOrigin(Map.of("keycloakUrl", "http://kc.internal:8080",
                "publicKeycloakUrl", "https://id.example.cn/auth"))).isEqualTo("https://id.example.cn");
        assertThat(SignedInPageServlet.identityOrigin(Map.of())).isNull();
        String policy = new ConsoleServlet(new ConsoleAssets(path -> null)).contentSecurityPolicy(origin);
        assertThat(policy).contains("script-src 'self';", "connect-src 'self' http://127.0.0.1:18080;",
                "frame-ancestors 'none'", "object-src 'none'");
        assertThat(new URL("http://x").getProtocol()).isEqualTo("http");
    }

    @Test
    public void theResidentPageHasItsOwnIndexAndPolicyAndSharesTheAssets() throws IOException {
        Path dir = Files.createTempDirectory("build");
        Files.createDirectories(dir.resolve("assets"));
        Files.createDirectories(dir.resolve("report"));
        Files.writeString(dir.resolve("index.html"), "console");
        Files.writeString(dir.resolve("report/index.html"), "report");
        Files.writeString(dir.resolve("report/icon.svg"), "<svg/>");
        Files.writeString(dir.resolve("assets/report-1234.js"), "export {}");
        ConsoleAssets assets = new ConsoleAssets(p -> {
            Path f = dir.resolve(p);
            try {
                return Files.exists(f) ? f.toUri().toURL() : null;
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        ReportServlet report = new ReportServlet(assets);
        assertThat(text(report.resolve("jizhou/"))).isEqualTo("report");
        assertThat(text(report.resolve("jizhou/mine/3f6c2a1e-8b4d-4c7a-9e21-5d0b7f3a9c48"))).isEqualTo("report");
        assertThat(text(report.resolve("icon.svg"))).isEqualTo("<svg/>");
        assertThat(report.resolve("assets/report-1234.js")).get().extracting(ConsoleAssets.Asset::immutable).isEqualTo(true);
        assertThat(report.resolve("assets/missing.js")).isEmpty();
        assertThat(report.resolve("index.js")).isEmpty();
        assertThat(report.resolve("../index.html")).isEmpty();
        assertThat(text(new ConsoleServlet(assets).resolve("jizhou/cases"))).isEqualTo("console");

        assertThat(ReportServlet.POLICY).contains("default-src 'self';", "img-src 'self' blob: data:;", "connect-src 'self';",
                "script-src 'self';", "frame-ancestors 'none'").doesNotContain("http");
        assertThat(ReportServlet.PERMISSIONS).isEqualTo("geolocation=(self)");
    }

    @Test
    public void theBigScreenHasItsOwnIndexAndAStricterPolicy() throws IOException {
        Path dir = Files.createTempDirectory("build");
        Files.createDirectories(dir.resolve("assets"));
        Files.createDirectories(dir.resolve("screen"));
        Files.writeString(dir.resolve("index.html"), "console");
        Files.writeString(dir.resolve("screen/index.html"), "screen");
        Files.writeString(dir.resolve("assets/screen-1234.js"), "export {}");
        ConsoleAssets assets = new ConsoleAssets(p -> {
            Path f = dir.resolve(p);
            try {
                return Files.exists(f) ? f.toUri().toURL() : null;
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        ScreenServlet screen = new ScreenServlet(assets);
        assertThat(text(screen.resolve("jizhou/"))).isEqualTo("screen");
        assertThat(text(screen.resolve("city/"))).isEqualTo("screen");
        assertThat(text(screen.resolve("city"))).isEqualTo("screen");
        assertThat(screen.resolve("assets/screen-1234.js")).get().extracting(ConsoleAssets.Asset::immutable).isEqualTo(true);
        assertThat(screen.resolve("favicon.svg")).isEmpty();
        assertThat(screen.resolve("../index.html")).isEmpty();

        String policy = screen.contentSecurityPolicy("http://127.0.0.1:18080");
        assertThat(policy).contains("script-src 'self';", "img-src 'self' data: blob:;", "connect-src 'self' http://127.0.0.1:18080;",
                "frame-ancestors 'none'", "object-src 'none'").doesNotContain("https:", "img-src 'self' data: blob: http");
        // nothing from the internet: the console's policy minus its images from anywhere
        assertThat(screen.contentSecurityPolicy(null)).doesNotContain("http");
        assertThat(ScreenServlet.PERMISSIONS).contains("geolocation=()", "camera=()");
    }

    private static String text(java.util.Optional<ConsoleAssets.Asset> asset) {
        return new String(asset.orElseThrow().bytes(), StandardCharsets.UTF_8);
    }
}
