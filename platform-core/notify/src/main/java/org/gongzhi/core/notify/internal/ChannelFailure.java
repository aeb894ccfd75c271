package org.gongzhi.core.notify.internal;

/**
 * Why a channel did not take a notification, in words without personal data (no address, no text).
 * {@link Kind#PASSING}: try again later; {@link Kind#REFUSED}: a dead letter at once;
 * {@link Kind#UNROUTABLE}: nowhere to send it.
 */
final class ChannelFailure extends Exception {

    private static final long serialVersionUID = 1L;

    enum Kind { PASSING, REFUSED, UNROUTABLE }

    private final Kind kind;

    ChannelFailure(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    Kind kind() {
        return kind;
    }

    static ChannelFailure passing(String message) {
        return new ChannelFailure(Kind.PASSING, message);
    }

    static ChannelFailure refused(String message) {
        return new ChannelFailure(Kind.REFUSED, message);
    }

    static ChannelFailure unroutable(String message) {
        return new ChannelFailure(Kind.UNROUTABLE, message);
    }
}
