package org.gongzhi.plugins.threelinked.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.gongzhi.plugin.api.RecordCollection;

/** The needs (collection {@code needs}) of one tenant: collecting them and moving them along. */
final class NeedBook {

    static final String COLLECTION = "needs";
    /** Community of needs that came from a case located above community level (未定位到社区). */
    static final String UNLOCATED = "unlocated";

    private final RecordCollection needs;
    private final Clock clock;

    NeedBook(RecordCollection needs, Clock clock) {
        this.needs = needs;
        this.clock = clock;
    }

    /**
     * Stores a new need.
     *
     * @throws Conflict when a need with that id exists already
     */
    Need create(Need draft) {
        return Need.from(Records.write(needs, draft.id(), 0, draft.toData(), draft.toRefs(),
                "需求已存在 (a need with this id exists already): " + draft.id()));
    }

    Optional<Need> find(String id) {
        return needs.get(id).map(Need::from);
    }

    Need require(String id) {
        return find(id).orElseThrow(() -> new Missing("需求不存在 (no such need): " + id));
    }

    /** Needs matching every given filter (null filters nothing), oldest first. */
    List<Need> list(String community, NeedStatus status, Quarter quarter) {
        String ref = community != null ? "community=" + community
                : status != null ? "status=" + status.wire()
                : quarter != null ? "quarter=" + quarter : null;
        return Records.all(needs, ref).stream().map(Need::from)
                .filter(n -> community == null || community.equals(n.community()))
                .filter(n -> status == null || status.wire().equals(n.status()))
                .filter(n -> quarter == null || quarter.toString().equals(n.quarter()))
                .toList();
    }

    /**
     * Moves a need to {@code to}, applying {@code change} to the moved need, written only if nobody
     * changed it since it was read.
     *
     * @throws Conflict for an illegal move or a concurrent change
     */
    Need move(Need need, NeedStatus to, String note, UnaryOperator<Need> change) {
        Need moved = change.apply(need.moveTo(to, clock.instant(), note));
        return save(moved);
    }

    /** 不予采纳 outside a meeting (a duplicate, out of scope…): collected or on-agenda needs only. */
    Need decline(String id, String reason) {
        Need need = require(id);
        return move(need, NeedStatus.DECLINED, reason, n -> n.with(n.agendaQuarter(), n.meetingId(), null, reason));
    }

    /** Puts a need that is still collected into its community (needs from cases may be unlocated). */
    Need relocate(String id, String community) {
        Need need = require(id);
        if (need.state() != NeedStatus.COLLECTED) {
            throw new Conflict("只有已收集的需求可以更改社区 (only a collected need can change community): " + id);
        }
        return save(need.inCommunity(community));
    }

    private Need save(Need need) {
        return Need.from(Records.write(needs, need.id(), need.version(), need.toData(), need.toRefs(),
                "需求已被他人修改，请刷新后重试 (the need changed meanwhile; reload and retry): " + need.id()));
    }
}
