package org.gongzhi.core.service.dispatch;

import java.util.Optional;

import org.gongzhi.core.casework.WireNames;

/**
 * Where an outgoing dispatch (派遣外发) stands. Wire names are the constant names in lower case:
 * {@code pending}, {@code delivered}, {@code dead}, {@code unrouted}, {@code cancelled}.
 */
public enum DispatchState {
    /** 待送达 — waiting for (another) delivery attempt. */
    PENDING,
    /** 已送达 — the department's system took it. */
    DELIVERED,
    /** 投递失败 — dead letter: refused by the department's system or out of attempts; an operator may replay it. */
    DEAD,
    /** 无对接 — the department has no connector: it works in the platform itself. */
    UNROUTED,
    /** 已撤销 — the case was returned before delivery; never sent. */
    CANCELLED;

    /** Wire name, e.g. {@code dead}. */
    public String wireName() {
        return WireNames.of(this);
    }

    /** Parses a wire name; empty for {@code null} or unknown. */
    public static Optional<DispatchState> fromWireName(String text) {
        return WireNames.lookup(values(), DispatchState::wireName, text);
    }
}
