package org.gongzhi.load;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gongzhi.core.calendar.SlaClock;
import org.gongzhi.core.casework.SlaTier;
import org.gongzhi.core.tenant.TenantDefinitionReader;
import org.junit.Test;

public class SupervisionBenchTest {

    private static final Instant MINUTE = Instant.parse("2026-12-07T03:20:00Z");

    @Test
    public void theRegistrationGivesTheWantedWarningTimeByTheDistrictsClock() throws Exception {
        SlaClock sla = new TenantDefinitionReader().read(Path.of("../../tenants/jizhou")).slaClock();
        for (Instant wanted : List.of(MINUTE, MINUTE.plusMillis(59_994), Instant.parse("2026-12-06T12:00:31.250Z"))) {
            Instant registered = SupervisionBench.registeredFor(sla, SlaTier.SIMPLE, wanted);
            Instant warning = sla.warningAt(registered, sla.dueAt(SlaTier.SIMPLE, registered));
            assertTrue(warning + " vs " + wanted, !warning.isBefore(wanted) && warning.isBefore(wanted.plusMillis(2)));
            // jizhou's simple limit is 2 h of wall clock: warned after 80 % of it
            assertEquals(Duration.ofMinutes(96).toMillis(), Duration.between(registered, warning).toMillis(), 1);
        }
    }

    @Test
    public void warningTimesAreSpreadEvenlyOverTheMinute() {
        List<Instant> s = SupervisionBench.spread(MINUTE, 10_000);
        assertEquals(10_000, s.size());
        assertEquals(MINUTE, s.get(0));
        assertEquals(MINUTE.plusMillis(59_994), s.get(9_999));
        assertEquals(MINUTE.plusSeconds(30), s.get(5_000));
    }

    @Test
    public void figuresCountDelaysDuplicatesAndCasesLeftOut() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        Map<UUID, Instant> warnings = Map.of(a, MINUTE, b, MINUTE.plusSeconds(30), c, MINUTE.plusSeconds(59));
        List<SupervisionTally.Row> rows = List.of(
                row(a, "jz-cg", "INBOX", "DELIVERED", 10, 10),
                row(a, "jz-cg", "SMS", "DELIVERED", 10, 20),
                row(b, "jz-cg", "INBOX", "DELIVERED", 35, 35),
                row(b, "jz-cg", "SMS", "DELIVERED", 35, 100),
                row(b, "jz-cg", "SMS", "DELIVERED", 35, 101),       // sent twice
                row(c, "jz-cg", "INBOX", "DELIVERED", 64, 64),
                row(c, "jz-cg", "SMS", "PENDING", 64, -1));         // not delivered
        SupervisionTally.Figures f = SupervisionTally.tally(warnings, Map.of(a, 1, b, 1, c, 2), rows);
        assertEquals(3, f.cases());
        assertEquals(4, f.reminders());
        assertEquals(1, f.duplicateRecords());
        assertEquals(2, f.perCase());
        assertEquals(1, f.duplicates());
        assertEquals(1, f.notNotified());
        assertEquals(Map.of("INBOX", 3L, "SMS", 4L), f.notifications());
        assertEquals(Map.of("INBOX", 3L, "SMS", 3L), f.delivered());
        assertEquals(71_000, f.delivery().max());
        assertEquals(10_000, f.byChannel().get("INBOX").max());
        assertEquals(10_000, f.delivery().p50());
        assertEquals(MINUTE.plusSeconds(101).toEpochMilli(), f.lastDeliveredMillis());
        assertFalse(f.met(Duration.ofSeconds(60)));
    }

    @Test
    public void theTargetIsMetWhenEveryCaseIsNotifiedOnceInTime() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        Map<UUID, Instant> warnings = Map.of(a, MINUTE, b, MINUTE.plusSeconds(30));
        List<SupervisionTally.Row> rows = List.of(row(a, "jz-cg", "SMS", "DELIVERED", 5, 40),
                row(b, "jz-cg", "SMS", "DELIVERED", 35, 90));
        assertTrue(SupervisionTally.tally(warnings, Map.of(a, 1, b, 1), rows).met(Duration.ofSeconds(60)));
        // one case without its notification, or one delivered late: missed
        assertFalse(SupervisionTally.tally(warnings, Map.of(a, 1, b, 1), rows.subList(0, 1)).met(Duration.ofSeconds(60)));
        List<SupervisionTally.Row> late = List.of(rows.get(0), row(b, "jz-cg", "SMS", "DELIVERED", 35, 91));
        assertFalse(SupervisionTally.tally(warnings, Map.of(a, 1, b, 1), late).met(Duration.ofSeconds(60)));
    }

    @Test
    public void inboxRowsCountFromWhenTheirReminderWasSeenCommitted() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        List<SupervisionTally.Row> rows = SupervisionBench.visible(List.of(row(a, "jz-cg", "INBOX", "DELIVERED", 5, 5),
                row(a, "jz-cg", "SMS", "DELIVERED", 5, 30), row(b, "jz-cg", "SMS", "PENDING", 6, -1)),
                Map.of(a, MINUTE.plusSeconds(12)));
        assertEquals(MINUTE.plusSeconds(12), rows.get(0).createdAt());
        assertEquals(MINUTE.plusSeconds(12), rows.get(0).deliveredAt());
        assertEquals(MINUTE.plusSeconds(12), rows.get(1).createdAt());
        assertEquals(MINUTE.plusSeconds(30), rows.get(1).deliveredAt());
        assertEquals(MINUTE.plusSeconds(6), rows.get(2).createdAt());
        assertEquals(null, rows.get(2).deliveredAt());
    }

    @Test
    public void anUnknownOptionIsAUsageError() {
        assertEquals(2, SupervisionBench.run(new String[] {"--sead", "5"}));
        assertEquals(0, SupervisionBench.run(new String[] {"--help"}));
    }

    /** A row written {@code written} and delivered {@code delivered} seconds after {@link #MINUTE} (-1: not). */
    private static SupervisionTally.Row row(UUID id, String who, String channel, String state, int written, int delivered) {
        return new SupervisionTally.Row(id, who, channel, state, MINUTE.plusSeconds(written),
                delivered < 0 ? null : MINUTE.plusSeconds(delivered));
    }
}
