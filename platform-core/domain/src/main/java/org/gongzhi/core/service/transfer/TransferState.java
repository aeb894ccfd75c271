package org.gongzhi.core.service.transfer;

/** Where a transfer stands. */
public enum TransferState {
    /** Sent, the receiving district has not answered; the sender's case takes no step meanwhile. */
    PENDING,
    /** The receiving district took the case over; the sender's case is closed to it and left out of its KPIs. */
    ACCEPTED,
    /** The receiving district sent it back with a reason; the sender continues with the case. */
    REFUSED
}
