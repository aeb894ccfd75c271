package org.gongzhi.simulator;

import java.io.IOException;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * {@code GET /mail/messages?to=…}: the last e-mails the simulator's SMTP server accepted, newest
 * first, at most 100, only those to {@code to} when given.
 */
final class MailHandler implements HttpHandler {

    private final MailServer mail;

    MailHandler(MailServer mail) {
        this.mail = mail;
    }

    @Override
    public void handle(HttpExchange x) throws IOException {
        try (x) {
            if (!x.getRequestURI().getPath().equals("/mail/messages")) {
                Exchanges.notFound(x);
            } else if (!"GET".equals(x.getRequestMethod())) {
                Exchanges.methodNotAllowed(x, "GET");
            } else {
                var query = Exchanges.query(x.getRequestURI().getRawQuery());
                Exchanges.json(x, 200, mail.list(ProviderHandler.param(query, "to"), 100));
            }
        }
    }
}
