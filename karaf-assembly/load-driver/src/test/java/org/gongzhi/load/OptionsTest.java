package org.gongzhi.load;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.Test;

public class OptionsTest {

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
        assertEquals("load-driver", o.actor());
        assertEquals(100, o.maxErrors());
    }

    @Test
    public void everyOption() {
        Options o = Options.parse(new String[] {"--base", "http://localhost:9090/", "--tenants", "donghu,jizhou",
            "--threads", "16", "--duration=2m", "--warmup", "500ms", "--rate", "250", "--close-fraction", "0.25",
            "--max-cases", "5000", "--out", "target/r.json", "--actor", "perf", "--health-timeout", "10",
            "--request-timeout", "1.5s", "--max-errors", "7"});
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
        assertEquals("perf", o.actor());
        assertEquals(Duration.ofSeconds(10), o.healthTimeout());
        assertEquals(Duration.ofMillis(1500), o.requestTimeout());
        assertEquals(7, o.maxErrors());
    }

    @Test
    public void profileAddsATenant() {
        Options o = Options.parse(new String[] {"--tenants", "other", "--profile", "other=1234,CM0102,CG"});
        TenantProfile p = o.tenants().get(0);
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
            {"--profile", "x=1,2"}, {"--threads", "2", "--threads", "3"}, {"--actor", "a b"},
        };
        for (String[] args : bad) {
            assertThrows(String.join(" ", args), IllegalArgumentException.class, () -> Options.parse(args));
        }
        assertThrows(Options.HelpRequested.class, () -> Options.parse(new String[] {"--help"}));
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
