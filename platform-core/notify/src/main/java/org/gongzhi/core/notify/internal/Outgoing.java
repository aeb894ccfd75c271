package org.gongzhi.core.notify.internal;

import org.gongzhi.core.service.notify.Notification;

/**
 * A notification on its way through a channel route, with the address it goes to (a phone number,
 * an e-mail address; {@code null} for a robot group, which the WeCom route resolves itself).
 * Never logged.
 */
record Outgoing(Notification notification, String address) {

    /** The exchange property that carries it. */
    static final String PROPERTY = "GongzhiNotification";

    @Override
    public String toString() {
        return "Outgoing[" + notification.id() + "]";
    }
}
