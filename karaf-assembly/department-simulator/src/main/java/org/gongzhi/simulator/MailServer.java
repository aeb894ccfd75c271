package org.gongzhi.simulator;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * The simulator as an SMTP server (GreenMail, ADR 0032): accepts every message to any recipient
 * without authentication, keeps the last {@value #CAPACITY} and logs one {@code mail-accepted}
 * event per message with its id only, never addresses, subjects or texts.
 */
final class MailServer {

    static final int CAPACITY = 1000;
    private static final long WAIT_MILLIS = 500;

    private final GreenMail smtp;
    private final EventLog log;
    private final Deque<MailMessage> messages = new ArrayDeque<>();
    private final Thread watcher;
    private volatile boolean running;
    private int counter;

    /** Binds {@code host:port} (0: a free port) when {@link #start()} is called. */
    MailServer(String host, int port, EventLog log) {
        this.smtp = new GreenMail(new ServerSetup(port, host, ServerSetup.PROTOCOL_SMTP));
        this.log = log;
        this.watcher = new Thread(this::watch, "simulator-smtp-watch");
        this.watcher.setDaemon(true);
    }

    /** Starts listening; returns the bound port. */
    int start() {
        smtp.start();
        running = true;
        watcher.start();
        return port();
    }

    int port() {
        return smtp.getSmtp().getPort();
    }

    void stop() {
        running = false;
        watcher.interrupt();
        smtp.stop();
    }

    /** Newest first; only those to {@code to} unless it is {@code null}; at most {@code limit}. */
    List<MailMessage> list(String to, int limit) {
        collect();
        synchronized (this) {
            List<MailMessage> out = new ArrayList<>();
            for (Iterator<MailMessage> it = messages.iterator(); it.hasNext() && out.size() < limit; ) {
                MailMessage m = it.next();
                if (to == null || m.to().stream().anyMatch(to::equalsIgnoreCase)) {
                    out.add(m);
                }
            }
            return out;
        }
    }

    private void watch() {
        while (running) {
            if (smtp.waitForIncomingEmail(WAIT_MILLIS, received() + 1)) {
                collect();
            }
        }
    }

    private int received() {
        synchronized (this) {
            return counter;
        }
    }

    /** Takes the messages GreenMail received since the last call into the list, logging each. */
    private synchronized void collect() {
        MimeMessage[] all = smtp.getReceivedMessages();
        for (int i = counter; i < all.length; i++) {
            MailMessage m = read(String.format("MAIL-%06d", i + 1), all[i]);
            messages.addFirst(m);
            while (messages.size() > CAPACITY) {
                messages.removeLast();
            }
            log.event("mail-accepted", "messageId", m.messageId());
        }
        counter = Math.max(counter, all.length);
    }

    private static MailMessage read(String id, MimeMessage message) {
        try {
            Address[] to = message.getRecipients(Message.RecipientType.TO);
            Address[] from = message.getFrom();
            return new MailMessage(id, to == null ? List.of() : Arrays.stream(to).map(MailServer::address).toList(),
                    from == null || from.length == 0 ? null : address(from[0]), message.getSubject(),
                    text(message), Instant.now().toString());
        } catch (MessagingException e) {
            return new MailMessage(id, List.of(), null, null, null, Instant.now().toString());
        }
    }

    private static String text(MimeMessage message) throws MessagingException {
        try {
            Object content = message.getContent();
            return content instanceof String s ? s : GreenMailUtil.getBody(message);
        } catch (IOException e) {
            return GreenMailUtil.getBody(message);
        }
    }

    private static String address(Address a) {
        return a instanceof jakarta.mail.internet.InternetAddress ia ? ia.getAddress() : a.toString();
    }
}
