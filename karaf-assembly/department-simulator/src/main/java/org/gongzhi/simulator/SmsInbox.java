package org.gongzhi.simulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/** The last {@value #CAPACITY} messages accepted, newest first when read. Thread-safe. */
final class SmsInbox {

    static final int CAPACITY = 1000;

    private final Deque<SmsMessage> messages = new ArrayDeque<>();
    private int counter;

    synchronized SmsMessage add(String to, String text, String signature, String tenant, String receivedAt) {
        SmsMessage m = new SmsMessage(String.format("SMS-%06d", ++counter), to, text, signature, tenant, receivedAt);
        messages.addFirst(m);
        while (messages.size() > CAPACITY) {
            messages.removeLast();
        }
        return m;
    }

    /** Newest first; only those to {@code to} unless it is {@code null}; at most {@code limit}. */
    synchronized List<SmsMessage> list(String to, int limit) {
        List<SmsMessage> out = new ArrayList<>();
        for (Iterator<SmsMessage> it = messages.iterator(); it.hasNext() && out.size() < limit; ) {
            SmsMessage m = it.next();
            if (to == null || to.equals(m.to())) {
                out.add(m);
            }
        }
        return out;
    }
}
