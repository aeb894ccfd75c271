package org.gongzhi.plugins.threelinked.internal;

/** A record addressed by the URL does not exist (answered 404); message zh-CN first. */
final class Missing extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Missing(String message) {
        super(message);
    }
}
