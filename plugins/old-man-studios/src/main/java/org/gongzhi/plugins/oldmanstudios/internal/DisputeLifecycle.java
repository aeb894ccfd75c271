package org.gongzhi.plugins.oldmanstudios.internal;

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

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The status machine of a dispute (矛盾纠纷流转):
 * <pre>
 * REGISTERED -assign-> ASSIGNED                 REGISTERED, ASSIGNED, MEDIATING -edit-> (same)
 * ASSIGNED   -assign-> ASSIGNED (改派)           MEDIATING -assign-> ASSIGNED (改派, mediation starts afresh)
 * ASSIGNED, MEDIATING -session-> MEDIATING
 * MEDIATING  -agree-> AGREED                    MEDIATING -fail-> FAILED
 * ASSIGNED, MEDIATING, FAILED, ESCALATED -escalate-> ESCALATED
 * AGREED     -follow-up-> FOLLOWED_UP           FOLLOWED_UP -escalate-> ESCALATED (agreement not honoured)
 * </pre>
 * Anything else is refused with 409. Side conditions (the ladder order, an honoured agreement)
 * are checked by the step itself.
 */
final class DisputeLifecycle {

    private static final Map<DisputeStatus, Map<DisputeAction, DisputeStatus>> MOVES = new EnumMap<>(DisputeStatus.class);

    static {
        add(REGISTERED, ASSIGN, ASSIGNED);
        add(ASSIGNED, ASSIGN, ASSIGNED);
        add(MEDIATING, ASSIGN, ASSIGNED);
        for (DisputeStatus open : List.of(REGISTERED, ASSIGNED, MEDIATING)) {
            add(open, EDIT, open);
        }
        add(ASSIGNED, SESSION, MEDIATING);
        add(MEDIATING, SESSION, MEDIATING);
        add(MEDIATING, AGREE, AGREED);
        add(MEDIATING, FAIL, FAILED);
        for (DisputeStatus from : List.of(ASSIGNED, MEDIATING, FAILED, ESCALATED, FOLLOWED_UP)) {
            add(from, ESCALATE, ESCALATED);
        }
        add(AGREED, FOLLOW_UP, FOLLOWED_UP);
    }

    private DisputeLifecycle() {
    }

    private static void add(DisputeStatus from, DisputeAction action, DisputeStatus to) {
        MOVES.computeIfAbsent(from, s -> new EnumMap<>(DisputeAction.class)).put(action, to);
    }

    /**
     * The status after {@code action}.
     *
     * @throws javax.ws.rs.ClientErrorException 409 when the action is not allowed in {@code from}
     */
    static DisputeStatus next(DisputeStatus from, DisputeAction action) {
        DisputeStatus to = MOVES.getOrDefault(from, Map.of()).get(action);
        if (to == null) {
            throw Problems.conflict("纠纷处于“" + from.labelZh() + "”状态，不能" + action.labelZh(),
                    "a dispute that is " + from.wire() + " cannot take the step " + action.wire());
        }
        return to;
    }

    /** Actions allowed in {@code status}, in declaration order. */
    static List<DisputeAction> allowed(DisputeStatus status) {
        return List.copyOf(MOVES.getOrDefault(status, Map.of()).keySet());
    }
}
