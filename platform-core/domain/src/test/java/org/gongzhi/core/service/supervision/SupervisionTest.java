package org.gongzhi.core.service.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.Test;

public class SupervisionTest {

    private static final Instant T = Instant.parse("2026-12-01T02:00:00Z");

    private static Supervision record(SupervisionKind kind, Instant deadline, Instant answeredAt) {
        return new Supervision(UUID.randomUUID(), "donghu", UUID.randomUUID(), "360102-20261201-000001", kind,
                kind == SupervisionKind.REMINDER ? SupervisionTrigger.WARNING : SupervisionTrigger.MANUAL, "理由",
                deadline, "dh-dispatcher", T, answeredAt == null ? null : "已处理", answeredAt == null ? null : "dh-cg",
                answeredAt, null);
    }

    @Test
    public void wireNamesAndLabels() {
        assertThat(SupervisionKind.LISTED.wireName()).isEqualTo("listed");
        assertThat(SupervisionKind.LISTED.labelZh()).isEqualTo("挂牌督办");
        assertThat(SupervisionKind.fromWireName(" Escalation ")).contains(SupervisionKind.ESCALATION);
        assertThat(SupervisionKind.fromWireName("listed-matter")).isEmpty();
        assertThat(SupervisionTrigger.fromWireName("rework")).contains(SupervisionTrigger.REWORK);
        assertThat(SupervisionTrigger.fromWireName(null)).isEmpty();
    }

    @Test
    public void onlyRemindersAreNoOrders() {
        assertThat(SupervisionKind.REMINDER.isOrder()).isFalse();
        assertThat(SupervisionKind.ORDER.isOrder()).isTrue();
        assertThat(SupervisionKind.LISTED.isOrder()).isTrue();
        assertThat(SupervisionKind.ESCALATION.isOrder()).isTrue();
    }

    @Test
    public void anOrderIsOverdueFromItsDeadlineUntilItIsAnswered() {
        Instant deadline = T.plusSeconds(3600);
        Supervision open = record(SupervisionKind.ORDER, deadline, null);
        assertThat(open.overdue(deadline.minusNanos(1000))).isFalse();
        assertThat(open.overdue(deadline)).isTrue();
        assertThat(record(SupervisionKind.ORDER, deadline, T.plusSeconds(60)).overdue(deadline.plusSeconds(60))).isFalse();
        assertThat(record(SupervisionKind.REMINDER, null, null).overdue(deadline)).isFalse();
    }

    @Test
    public void sweepCountsAdd() {
        SweepCounts c = new SweepCounts(1, 2, 3).plus(new SweepCounts(10, 0, 1));
        assertThat(c).isEqualTo(new SweepCounts(11, 2, 4));
        assertThat(c.total()).isEqualTo(17);
        assertThat(SweepCounts.NONE.total()).isZero();
    }
}
