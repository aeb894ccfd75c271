package org.gongzhi.plugins.threelinked.internal;

/** A request that clashes with a record's current state (answered 409); message zh-CN first. */
final class Conflict extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Conflict(String message) {
        super(message);
    }
}
