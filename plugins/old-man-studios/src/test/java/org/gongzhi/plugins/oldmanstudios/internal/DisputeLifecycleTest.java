package org.gongzhi.plugins.oldmanstudios.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.plugins.oldmanstudios.internal.DisputeAction.AGREE;
import static org.gongzhi.plugins.oldmanstudios.internal.DisputeAction.ASSIGN;
import static org.gongzhi.plugins.oldmanstudios.internal.DisputeAction.EDIT;
import static org.gongzhi.plugins.oldmanstudios.internal.DisputeAction.ESCALATE;
import static org.gongzhi.plugins.oldmanstudios.internal.DisputeAction.FAIL;
import static org.gongzhi.plugins.oldmanstudios.internal.DisputeAction.FOLLOW_UP;
import static org.gongzhi.plugins.oldmanstudios.internal.DisputeAction.SESSION;
import static org.gongzhi.plugins.oldmanstudios.internal.DisputeStatus.AGREED;
import static org.gongzhi.plugins.oldmanstudios.internal.DisputeStatus.ASSIGNED;
import static org.gongzhi.plugins.oldmanstudios.internal.DisputeStatus.ESCALATED;
import static org.gongzhi.plugins.oldmanstudios.internal.DisputeStatus.FAILED;
import static org.gongzhi.plugins.oldmanstudios.internal.DisputeStatus.FOLLOWED_UP;
import static org.gongzhi.plugins.oldmanstudios.internal.DisputeStatus.MEDIATING;
import static org.gongzhi.plugins.oldmanstudios.internal.DisputeStatus.REGISTERED;

import java.util.Map;

import org.junit.Test;

/** registered → assigned → mediating → agreed/failed/escalated → followed-up; everything else 409. */
public class DisputeLifecycleTest {

    /** The complete table of legal moves. */
    private static final Map<DisputeStatus, Map<DisputeAction, DisputeStatus>> LEGAL = Map.of(
            REGISTERED, Map.of(ASSIGN, ASSIGNED, EDIT, REGISTERED),
            ASSIGNED, Map.of(ASSIGN, ASSIGNED, EDIT, ASSIGNED, SESSION, MEDIATING, ESCALATE, ESCALATED),
            MEDIATING, Map.of(ASSIGN, ASSIGNED, EDIT, MEDIATING, SESSION, MEDIATING, AGREE, AGREED, FAIL, FAILED,
                    ESCALATE, ESCALATED),
            AGREED, Map.of(FOLLOW_UP, FOLLOWED_UP),
            FAILED, Map.of(ESCALATE, ESCALATED),
            ESCALATED, Map.of(ESCALATE, ESCALATED),
            FOLLOWED_UP, Map.of(ESCALATE, ESCALATED));

    @Test
    public void legalMovesLeadWhereTheTableSays() {
        int legal = 0;
        for (DisputeStatus from : DisputeStatus.values()) {
            for (Map.Entry<DisputeAction, DisputeStatus> move : LEGAL.get(from).entrySet()) {
                assertThat(DisputeLifecycle.next(from, move.getKey())).as(from + " -" + move.getKey() + "->")
                        .isEqualTo(move.getValue());
                legal++;
            }
        }
        assertThat(legal).isEqualTo(16);
    }

    @Test
    public void everyOtherMoveIsRefusedWith409() {
        int illegal = 0;
        for (DisputeStatus from : DisputeStatus.values()) {
            for (DisputeAction action : DisputeAction.values()) {
                if (!LEGAL.get(from).containsKey(action)) {
                    String message = Fixture.conflict(() -> DisputeLifecycle.next(from, action));
                    assertThat(message).contains(from.labelZh(), action.labelZh(), from.wire(), action.wire());
                    illegal++;
                }
            }
        }
        assertThat(illegal).isEqualTo(33);
    }

    @Test
    public void messagesAreChineseFirstWithEnglishInBrackets() {
        String message = Fixture.conflict(() -> DisputeLifecycle.next(REGISTERED, AGREE));
        assertThat(message).isEqualTo("纠纷处于“已登记”状态，不能达成调解协议 (a dispute that is registered cannot take the step agree)");
    }

    @Test
    public void outcomesAreAgreedFailedEscalatedAndFollowedUp() {
        assertThat(DisputeStatus.values()).filteredOn(DisputeStatus::hasOutcome)
                .containsExactly(AGREED, FAILED, ESCALATED, FOLLOWED_UP);
    }

    @Test
    public void allowedActionsFollowTheTable() {
        assertThat(DisputeLifecycle.allowed(MEDIATING)).containsExactly(ASSIGN, EDIT, SESSION, AGREE, FAIL, ESCALATE);
        assertThat(DisputeLifecycle.allowed(AGREED)).containsExactly(FOLLOW_UP);
    }
}
