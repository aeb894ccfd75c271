package org.gongzhi.load;

import org.gongzhi.cli.ArgValues;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class OptionsTest {

    @Rule
    public TemporaryFolder dir = new TemporaryFolder();

    @Test
    public void defaults() {
        Options o = Options.parse(new String[0]);
        assertEquals("http://127.0.0.1:8181", o.base().toString());
        assertEquals(List.of("jizhou", "donghu", "jiangbei"), o.tenants().stream().map(TenantProfile::tenant).toList());
        assertEquals(8, o.threads());
        assertEquals(Duration.ofSeconds(30), o.duration());
        assertEquals(Duration.ofSeconds(5), o.warmup());
        assertEquals(0, o.rate(), 0);
        assertFalse(o.openLoop());
        assertEquals(1.0, o.closeFraction(), 0);
        assertEquals(100_000, o.maxCases());
        assertNull(o.out());
        assertEquals(100, o.maxErrors());
        assertEquals("http://127.0.0.1:18080", o.keycloak().toString());
        assertEquals(Map.of("jizhou", new Credentials("jz-admin", "Gongzhi-demo-2026"),
                "donghu", new Credentials("dh-admin", "Gongzhi-demo-2026"),
                "jiangbei", new Credentials("jb-admin", "Gongzhi-demo-2026")), o.credentials());
        assertEquals(List.of("jizhou", "donghu", "jiangbei"), List.copyOf(o.credentials().keySet()));
    }

    @Test
    public void everyOption() {
        Options o = Options.parse(new String[] {"--base", "http://localhost:9090/", "--tenants", "donghu,jizhou",
            "--threads", "16", "--duration=2m", "--warmup", "500ms", "--rate", "250", "--close-fraction", "0.25",
            "--max-cases", "5000", "--out", "target/r.json", "--health-timeout", "10",
            "--request-timeout", "1.5s", "--max-errors", "7", "--keycloak", "http://[::1]:8080/auth/",
            "--user", "donghu=dh-dispatcher", "--password=s3cret=x y"});
        assertEquals("http://localhost:9090", o.base().toString());
        assertEquals("donghu", o.tenants().get(0).tenant());
        assertEquals("360102001001001", o.tenants().get(0).gridCode());
        assertEquals(16, o.threads());
        assertEquals(Duration.ofMinutes(2), o.duration());
        assertEquals(Duration.ofMillis(500), o.warmup());
        assertTrue(o.openLoop());
        assertEquals(250, o.rate(), 0);
        assertEquals(0.25, o.closeFraction(), 0);
        assertEquals(5000, o.maxCases());
        assertEquals(Path.of("target/r.json"), o.out());
        assertEquals("http://[::1]:8080/auth", o.keycloak().toString());
        assertEquals(Map.of("donghu", new Credentials("dh-dispatcher", "s3cret=x y"),
                "jizhou", new Credentials("jz-admin", "s3cret=x y")), o.credentials());
        assertEquals(Duration.ofSeconds(10), o.healthTimeout());
        assertEquals(Duration.ofMillis(1500), o.requestTimeout());
        assertEquals(7, o.maxErrors());
    }

    @Test
    public void profileAddsATenant() {
        Options o = Options.parse(new String[] {"--tenants", "other", "--profile", "other=1234,CM0102,CG",
            "--user=other=ot-admin"});
        TenantProfile p = o.tenants().get(0);
        assertEquals(Map.of("other", new Credentials("ot-admin", Options.DEMO_PASSWORD)), o.credentials());
        assertEquals("1234", p.gridCode());
        assertEquals("CM0102", p.categoryCode());
        assertEquals("CG", p.department());
        assertNull(p.longitude());
    }

    @Test
    public void refusesRemoteHostsUnlessAllowed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Options.parse(new String[] {"--base", "http://10.0.0.5:8181"}));
        assertTrue(e.getMessage(), e.getMessage().contains("--allow-remote"));
        e = assertThrows(IllegalArgumentException.class,
                () -> Options.parse(new String[] {"--keycloak", "https://sso.example.org"}));
        assertTrue(e.getMessage(), e.getMessage().contains("--keycloak") && e.getMessage().contains("--allow-remote"));
        assertEquals("sso.example.org", Options.parse(new String[] {"--keycloak", "https://sso.example.org",
            "--allow-remote"}).keycloak().getHost());
        assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"--base", "http://example.org"}));
        assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"--base", "http://127.0.0.1.evil.com"}));
        assertEquals("example.org",
                Options.parse(new String[] {"--base", "https://example.org", "--allow-remote"}).base().getHost());
        assertTrue(LoopbackGuard.isLoopback("127.0.0.1"));
        assertTrue(LoopbackGuard.isLoopback("127.1.2.3"));
        assertTrue(LoopbackGuard.isLoopback("[::1]"));
        assertFalse(LoopbackGuard.isLoopback("128.0.0.1"));
        assertFalse(LoopbackGuard.isLoopback("127.0.0.256"));
    }

    @Test
    public void rejectsBadValues() {
        String[][] bad = {
            {"--threads", "0"}, {"--threads", "513"}, {"--threads", "x"}, {"--duration", "25h"},
            {"--duration", "soon"}, {"--close-fraction", "1.5"}, {"--rate", "-1"}, {"--max-cases", "0"}, {"--max-errors", "0"},
            {"--tenants", "nowhere"}, {"--tenants", "jizhou,jizhou"}, {"--tenants", "../x"}, {"--threads"},
            {"--bogus"}, {"--base", "ftp://127.0.0.1"}, {"--base", "http://127.0.0.1/?q=1"},
            {"--profile", "x=1,2"}, {"--threads", "2", "--threads", "3"}, {"--actor", "someone"},
            {"--keycloak", "ftp://127.0.0.1"}, {"--keycloak", "http://127.0.0.1:18080/?x"}, {"--keycloak"},
            {"--user", "jizhou"}, {"--user", "=jz-admin"}, {"--user", "jizhou="}, {"--user", "jizhou=a b"},
            {"--user", "../x=a"}, {"--user", "jizhou=a", "--user", "jizhou=b"}, {"--password", ""},
            {"--password", "a", "--password", "b"}, {"--password-file", "/nonexistent/gongzhi-load-password"},
        };
        for (String[] args : bad) {
            assertThrows(String.join(" ", args), IllegalArgumentException.class, () -> Options.parse(args));
        }
        assertThrows(Options.HelpRequested.class, () -> Options.parse(new String[] {"--help"}));
    }

    @Test
    public void evaluateAndCpuPids() {
        Options plain = Options.parse(new String[0]);
        assertFalse(plain.evaluate());
        assertEquals(Map.of(), plain.cpuPids());
        long self = ProcessHandle.current().pid();
        long parent = ProcessHandle.current().parent().orElseThrow().pid();
        Options o = Options.parse(new String[] {"--evaluate", "--cpu-pids", "karaf=" + self + ",postgres=" + parent});
        assertTrue(o.evaluate());
        assertEquals(List.of("karaf", "postgres"), List.copyOf(o.cpuPids().keySet()));
        assertEquals(Long.valueOf(parent), o.cpuPids().get("postgres"));
        String[][] bad = {
            {"--cpu-pids", "karaf"}, {"--cpu-pids", "=" + self}, {"--cpu-pids", "ka raf=" + self},
            {"--cpu-pids", "karaf=x"}, {"--cpu-pids", "karaf=0"}, {"--cpu-pids", "karaf=" + Integer.MAX_VALUE},
            {"--cpu-pids", "driver=" + self}, {"--cpu-pids", "a=" + self + ",a=" + parent}, {"--cpu-pids"},
            {"--scenario", "dispatch", "--rate", "10", "--evaluate"},
            {"--scenario", "dispatch", "--rate", "10", "--cpu-pids", "a=" + self},
        };
        for (String[] args : bad) {
            assertThrows(String.join(" ", args), IllegalArgumentException.class, () -> Options.parse(args));
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"--cpu-pids",
            "karaf=" + Integer.MAX_VALUE})).getMessage().contains("no process " + Integer.MAX_VALUE));
    }

    @Test
    public void dispatchScenario() {
        assertNull(Options.parse(new String[0]).dispatch());
        Options.DispatchPlan plain = Options.parse(new String[] {"--scenario", "dispatch", "--rate", "200"}).dispatch();
        assertEquals("http://127.0.0.1:18091", plain.simulator().toString());
        assertFalse(plain.hasOutage());
        assertEquals("refuse", plain.outageMode());
        assertEquals(Duration.ofMinutes(5), plain.drainTimeout());
        Options.DispatchPlan full = Options.parse(new String[] {"--scenario", "dispatch", "--rate", "50",
            "--simulator", "http://localhost:18500/", "--outage", "60s", "--outage-at", "20s", "--outage-mode", "503",
            "--drain-timeout", "2m"}).dispatch();
        assertEquals("http://localhost:18500", full.simulator().toString());
        assertTrue(full.hasOutage());
        assertEquals(Duration.ofSeconds(60), full.outage());
        assertEquals(Duration.ofSeconds(20), full.outageAt());
        assertEquals("503", full.outageMode());
        assertEquals(Duration.ofMinutes(2), full.drainTimeout());
        String[][] bad = {
            {"--scenario", "dispatch"}, {"--scenario", "other", "--rate", "1"}, {"--outage", "60s"},
            {"--simulator", "http://127.0.0.1:1"}, {"--scenario", "dispatch", "--rate", "1", "--outage-mode", "drop"},
            {"--scenario", "dispatch", "--rate", "1", "--simulator", "http://example.org"},
            {"--scenario", "dispatch", "--rate", "1", "--close-fraction", "0.5"},
            {"--scenario", "dispatch", "--rate", "1", "--drain-timeout", "0"},
        };
        for (String[] args : bad) {
            assertThrows(String.join(" ", args), IllegalArgumentException.class, () -> Options.parse(args));
        }
    }

    @Test
    public void aTenantOutsideTheDemoNeedsAUser() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Options.parse(new String[] {"--tenants", "other", "--profile", "other=1234,CM0102,CG"}));
        assertTrue(e.getMessage(), e.getMessage().contains("--user other="));
        e = assertThrows(IllegalArgumentException.class,
                () -> Options.parse(new String[] {"--tenants", "jizhou", "--user", "donghu=dh-admin"}));
        assertTrue(e.getMessage(), e.getMessage().contains("not in --tenants"));
    }

    @Test
    public void passwordFromAFile() throws IOException {
        Path file = dir.newFile("pw").toPath();
        Files.writeString(file, " pa ss=wörd\n", StandardCharsets.UTF_8); // one final line break is not part of it
        Options o = Options.parse(new String[] {"--tenants", "jiangbei", "--password-file", file.toString()});
        assertEquals(new Credentials("jb-admin", " pa ss=wörd"), o.credentials().get("jiangbei"));
        Files.writeString(file, "crlf\r\n", StandardCharsets.UTF_8);
        assertEquals("crlf", Options.parse(new String[] {"--password-file=" + file}).credentials().get("jizhou")
                .password());

        String[][] bad = {
            {"two\nlines"}, {"\n"}, {""}, {"x".repeat(Options.MAX_PASSWORD_FILE_BYTES + 1)},
        };
        for (String[] content : bad) {
            Files.writeString(file, content[0], StandardCharsets.UTF_8);
            IllegalArgumentException e = assertThrows(content[0], IllegalArgumentException.class,
                    () -> Options.parse(new String[] {"--password-file", file.toString()}));
            assertTrue(e.getMessage(), e.getMessage().startsWith("--password-file " + file));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Options.parse(new String[] {"--password-file", file.toString(), "--password", "x"}));
        assertTrue(e.getMessage(), e.getMessage().contains("not both"));
    }

    @Test
    public void passwordsStayOutOfTheirText() {
        Options o = Options.parse(new String[] {"--password", "top-secret-1"});
        assertFalse(o.toString(), o.toString().contains("top-secret-1"));
        assertTrue(o.toString(), o.toString().contains("jz-admin"));
    }

    @Test
    public void durations() {
        Duration max = Duration.ofHours(24);
        assertEquals(Duration.ofSeconds(45), ArgValues.duration("d", "45", Duration.ZERO, max));
        assertEquals(Duration.ofMillis(250), ArgValues.duration("d", "250ms", Duration.ZERO, max));
        assertEquals(Duration.ofSeconds(90), ArgValues.duration("d", "1.5m", Duration.ZERO, max));
        assertEquals(Duration.ofHours(2), ArgValues.duration("d", "2H", Duration.ZERO, max));
        assertEquals("30 s", ArgValues.show(Duration.ofSeconds(30)));
        assertEquals("250 ms", ArgValues.show(Duration.ofMillis(250)));
    }
}
