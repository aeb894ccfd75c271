package org.gongzhi.plugins.threelinked.internal;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a resident's need (居民需求) stands. The normal path is collected → on-agenda → decided →
 * published → matched → delivered → closed; a need is declined (不予采纳, with a reason) while
 * collected or on the agenda, and a deferred agenda item sends its needs back to collected for the
 * next quarter. Closed and declined are final.
 */
enum NeedStatus {
    /** 已收集: waiting for the community's next 百姓管家 meeting. */
    COLLECTED("已收集"),
    /** 已上会: on the agenda of a meeting. */
    ON_AGENDA("已上会"),
    /** 已议定: the meeting decided to take it on. */
    DECIDED("已议定"),
    /** 已发布: published as a service order. */
    PUBLISHED("已发布"),
    /** 已接单: a social organisation or social worker took the order. */
    MATCHED("已接单"),
    /** 已服务: the service was delivered. */
    DELIVERED("已服务"),
    /** 已办结: rated and closed. */
    CLOSED("已办结"),
    /** 不予采纳: declined, with a reason. */
    DECLINED("不予采纳");

    private final String label;

    NeedStatus(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    String wire() {
        return Fields.wireName(this);
    }

    static NeedStatus fromWire(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }

    /** The statuses this one may move to. */
    Set<NeedStatus> next() {
        return switch (this) {
            case COLLECTED -> EnumSet.of(ON_AGENDA, DECLINED);
            case ON_AGENDA -> EnumSet.of(DECIDED, DECLINED, COLLECTED);
            case DECIDED -> EnumSet.of(PUBLISHED);
            case PUBLISHED -> EnumSet.of(MATCHED);
            case MATCHED -> EnumSet.of(DELIVERED);
            case DELIVERED -> EnumSet.of(CLOSED);
            case CLOSED, DECLINED -> EnumSet.noneOf(NeedStatus.class);
        };
    }

    /**
     * Checks a move.
     *
     * @throws Conflict when the move is not allowed from this status
     */
    void checkMoveTo(NeedStatus to) {
        if (!next().contains(to)) {
            throw new Conflict("需求状态为「" + label + "」，不能变为「" + to.label + "」 (a need cannot move from "
                    + wire() + " to " + to.wire() + ")");
        }
    }
}
