package org.gongzhi.core.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.gongzhi.core.casework.CaseAction;
import org.gongzhi.core.casework.CaseStatus;
import org.gongzhi.core.casework.Channel;
import org.gongzhi.core.service.ConflictException;
import org.gongzhi.core.service.NotFoundException;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.cases.CaseQuery;
import org.gongzhi.core.service.cases.CaseView;
import org.gongzhi.core.service.cases.JournalEntry;
import org.gongzhi.core.service.cases.NewCase;
import org.gongzhi.core.service.cases.TransitionCommand;
import org.gongzhi.core.service.screen.DistrictMode;
import org.gongzhi.core.service.screen.OperatingMode;
import org.junit.ClassRule;
import org.junit.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The operating mode (平时/战时) on PostgreSQL: switches, their journal and announcement, and what
 * wartime does to new cases. Each test owns one district: jiangbei (switching), jizhou (due times),
 * donghu (the command post).
 */
public class DistrictModesTest {

    @ClassRule
    public static final PersistenceFixture FIX = new PersistenceFixture();

    private static NewCase report(String category, String grid) {
        return new NewCase("测试事件", null, category, Channel.HOTLINE, null, null, null, grid, null, null, List.of(), null);
    }

    private static TransitionCommand register() {
        return new TransitionCommand(CaseAction.REGISTER, "jz-dispatcher", null, List.of(), null, List.of(), null, null,
                null, null);
    }

    private static CaseView registered(String tenant, String category, String grid) {
        UUID id = FIX.cases.report(tenant, report(category, grid), "dispatcher").kase().id();
        return FIX.cases.transition(tenant, id, register());
    }

    @Test
    public void aSwitchIsJournaledWithWhoAndWhyAndAnnouncedToEveryNode() throws Exception {
        DistrictMode never = FIX.modes.current("jiangbei");
        assertThat(never.mode()).isEqualTo(OperatingMode.NORMAL);
        assertThat(never.since()).isNull();
        assertThat(never.switchedBy()).isNull();
        Instant start = FIX.clock.instant();
        try (Connection listener = FIX.dataSource().getConnection()) {
            try (Statement st = listener.createStatement()) {
                st.execute("listen " + ModeRows.CHANNEL);
            }
            FIX.clock.advance(Duration.ofMinutes(1));
            DistrictMode wartime = FIX.modes.switchTo("jiangbei", OperatingMode.WARTIME, "  嘉陵江超警戒水位  ", "jb-admin");
            assertThat(wartime.wartime()).isTrue();
            assertThat(wartime.reason()).isEqualTo("嘉陵江超警戒水位");
            assertThat(wartime.switchedBy()).isEqualTo("jb-admin");
            assertThat(wartime.since()).isEqualTo(FIX.clock.instant());
            PGNotification[] notes = listener.unwrap(PGConnection.class).getNotifications(5_000);
            assertThat(notes).extracting(PGNotification::getName).containsExactly(ModeRows.CHANNEL);
            assertThat(notes[0].getParameter()).isEqualTo("jiangbei");
        }
        assertThat(FIX.modes.current("jiangbei")).isEqualTo(new DistrictMode("jiangbei", OperatingMode.WARTIME,
                start.plus(Duration.ofMinutes(1)), "嘉陵江超警戒水位", "jb-admin"));

        assertThatThrownBy(() -> FIX.modes.switchTo("jiangbei", OperatingMode.WARTIME, "再次", "jb-admin"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.field()).isEqualTo("mode"));
        assertThatThrownBy(() -> FIX.modes.switchTo("jiangbei", OperatingMode.NORMAL, " \u3000", "jb-admin"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("reason"));
        assertThatThrownBy(() -> FIX.modes.switchTo("jiangbei", OperatingMode.NORMAL, "长".repeat(501), "jb-admin"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("reason"));
        assertThatThrownBy(() -> FIX.modes.switchTo("jiangbei", null, "x", "jb-admin"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("mode"));
        assertThatThrownBy(() -> FIX.modes.switchTo("nowhere", OperatingMode.WARTIME, "x", "jb-admin"))
                .isInstanceOf(NotFoundException.class);

        FIX.clock.advance(Duration.ofHours(6));
        FIX.modes.switchTo("jiangbei", OperatingMode.NORMAL, "水位回落，解除战时", "city-admin");
        assertThat(FIX.modes.current("jiangbei").mode()).isEqualTo(OperatingMode.NORMAL);
        assertThatThrownBy(() -> FIX.modes.switchTo("jiangbei", OperatingMode.NORMAL, "again", "jb-admin"))
                .isInstanceOf(ConflictException.class);

        List<DistrictMode> history = FIX.modes.history("jiangbei", start, FIX.clock.instant().plusSeconds(1));
        assertThat(history).extracting(DistrictMode::mode).containsExactly(OperatingMode.WARTIME, OperatingMode.NORMAL);
        assertThat(history).extracting(DistrictMode::switchedBy).containsExactly("jb-admin", "city-admin");
        assertThat(history).extracting(DistrictMode::reason).containsExactly("嘉陵江超警戒水位", "水位回落，解除战时");
        assertThat(FIX.modes.history("jiangbei", start, start.plus(Duration.ofHours(1)))).hasSize(1);
        assertThat(FIX.modes.history("jiangbei", FIX.clock.instant(), start)).isEmpty();
        assertThat(FIX.modes.history("jiangbei", Instant.parse("0001-01-01T00:00:00Z"), Instant.parse("9999-12-31T00:00:00Z")))
                .as("the widest dates the API accepts").hasSize(2);
        assertThat(FIX.modes.history("donghu", start, FIX.clock.instant().plusSeconds(1)))
                .as("another district's journal").allMatch(m -> m.tenant().equals("donghu"))
                .noneMatch(m -> "嘉陵江超警戒水位".equals(m.reason()));
    }

    @Test
    public void wartimeTightensTheDueTimeOfNewCasesAndSwitchingBackRestoresTheNormalRules() {
        String grid = "360802001001001";
        CaseView before = registered("jizhou", "CM0101", grid); // simple: 2 hours normally
        assertThat(before.dueAt()).isEqualTo(before.registeredAt().plus(Duration.ofHours(2)));
        assertThat(before.wartime()).isFalse();

        FIX.modes.switchTo("jizhou", OperatingMode.WARTIME, "防汛应急响应", "jz-admin");
        CaseView during = registered("jizhou", "CM0101", grid);
        assertThat(during.dueAt()).isEqualTo(during.registeredAt().plus(Duration.ofMinutes(30)));
        assertThat(during.wartime()).isTrue();
        CaseView coordination = registered("jizhou", "CM0102", grid);
        assertThat(coordination.dueAt()).isEqualTo(coordination.registeredAt().plus(Duration.ofHours(12)));
        assertThat(FIX.cases.get("jizhou", before.id()).dueAt()).as("registered before the switch").isEqualTo(before.dueAt());

        FIX.modes.switchTo("jizhou", OperatingMode.NORMAL, "解除应急响应", "jz-admin");
        CaseView after = registered("jizhou", "CM0101", grid);
        assertThat(after.dueAt()).isEqualTo(after.registeredAt().plus(Duration.ofHours(2)));
        assertThat(after.wartime()).isFalse();
        CaseView kept = FIX.cases.get("jizhou", during.id());
        assertThat(kept.dueAt()).as("a wartime case keeps the due time it was given").isEqualTo(during.dueAt());
        assertThat(kept.wartime()).isTrue();

        List<UUID> wartime = FIX.cases.list("jizhou", CaseQuery.builder().wartime(true).page(0, 200).build())
                .items().stream().map(CaseView::id).toList();
        assertThat(wartime).contains(during.id(), coordination.id()).doesNotContain(before.id(), after.id());
        assertThat(FIX.cases.summary("jizhou", CaseQuery.builder().wartime(true).build(), 24).open()).isEqualTo(2);
    }

    @Test
    public void commandPostCategoriesAreRegisteredAtIntakeInWartimeOnly() {
        String grid = "360102001001001";
        CaseView normal = FIX.cases.report("donghu", report("CG0701", grid), "dh-dispatcher").kase();
        assertThat(normal.status()).isEqualTo(CaseStatus.REPORTED);
        assertThat(normal.commandPost()).isFalse();

        FIX.modes.switchTo("donghu", OperatingMode.WARTIME, "疫情防控：综治中心转为指挥部", "dh-admin");
        CaseView flood = FIX.cases.report("donghu", report("CG0701", grid), "dh-grid1").kase();
        assertThat(flood.status()).as("no waiting in the register queue").isEqualTo(CaseStatus.REGISTERED);
        assertThat(flood.commandPost()).isTrue();
        assertThat(flood.wartime()).isTrue();
        assertThat(flood.dueAt()).isEqualTo(flood.registeredAt().plus(Duration.ofHours(24)));
        assertThat(flood.allowedActions()).contains(CaseAction.DISPATCH);
        List<JournalEntry> journal = FIX.cases.journal("donghu", flood.id());
        assertThat(journal).extracting(JournalEntry::actor).containsExactly("dh-grid1", HibernateCaseService.COMMAND_POST);
        assertThat(journal.get(1).action()).isEqualTo(CaseAction.REGISTER);

        CaseView rubbish = FIX.cases.report("donghu", report("CM0101", grid), "dh-grid1").kase();
        assertThat(rubbish.status()).as("not a command-post category").isEqualTo(CaseStatus.REPORTED);
        assertThat(rubbish.commandPost()).isFalse();

        List<UUID> inbox = FIX.cases.list("donghu", CaseQuery.builder().commandPost(true).page(0, 200).build())
                .items().stream().map(CaseView::id).toList();
        assertThat(inbox).containsExactly(flood.id());
        assertThat(FIX.cases.list("donghu", CaseQuery.builder().commandPost(false).page(0, 200).build()).items())
                .extracting(CaseView::id).contains(normal.id(), rubbish.id()).doesNotContain(flood.id());

        CaseView dispatched = FIX.cases.transition("donghu", flood.id(), new TransitionCommand(CaseAction.DISPATCH,
                "dh-dispatcher", null, List.of(), "YJ", List.of(), null, null, null, null));
        assertThat(dispatched.status()).isEqualTo(CaseStatus.DISPATCHED);
        FIX.modes.switchTo("donghu", OperatingMode.NORMAL, "解除", "dh-admin");
        assertThat(FIX.cases.report("donghu", report("CG0701", grid), "dh-grid1").kase().status())
                .isEqualTo(CaseStatus.REPORTED);
    }
}
