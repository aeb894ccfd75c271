package org.gongzhi.simulator;

import java.io.IOException;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * A message provider the simulator plays (SMS gateway, WeChat Work robot): {@code POST} on its send
 * path takes a message, {@code GET <context>/messages} lists the last ones accepted. While the
 * simulator is down with {@link DownMode#REFUSE} a send gets a closed connection; the subclass
 * answers the other outages. Events are named {@code <event>-refused} and so on; they never carry
 * addresses or texts.
 */
abstract class ProviderHandler implements HttpHandler {

    private final String sendPath;
    private final String listPath;
    private final String event;
    final Outage outage;
    final EventLog log;

    /**
     * @param context  the server context, e.g. {@code /sms}
     * @param sendPath where messages are posted, e.g. {@code /sms} or {@code /wecom/send}
     * @param event    the prefix of logged events, e.g. {@code sms}
     */
    ProviderHandler(String context, String sendPath, String event, Outage outage, EventLog log) {
        this.sendPath = sendPath;
        this.listPath = context + "/messages";
        this.event = event;
        this.outage = outage;
        this.log = log;
    }

    /** Answers one posted message; the query parameters are decoded. */
    abstract void send(HttpExchange x, Map<String, String> query) throws IOException;

    /** The messages {@code GET <context>/messages} lists, as JSON-able values, newest first. */
    abstract Object list(Map<String, String> query);

    @Override
    public final void handle(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        boolean post = "POST".equals(x.getRequestMethod());
        if (path.equals(sendPath) && post && outage.current() == DownMode.REFUSE) {
            log.event(event + "-refused", "reason", "down (connection closed)");
            throw new IOException("simulated outage: connection closed without an answer");
        }
        try {
            Map<String, String> query = Exchanges.query(x.getRequestURI().getRawQuery());
            if (path.equals(sendPath)) {
                if (post) {
                    send(x, query);
                } else {
                    Exchanges.methodNotAllowed(x, "POST");
                }
            } else if (path.equals(listPath)) {
                if ("GET".equals(x.getRequestMethod())) {
                    Exchanges.json(x, 200, list(query));
                } else {
                    Exchanges.methodNotAllowed(x, "GET");
                }
            } else {
                Exchanges.notFound(x);
            }
        } finally {
            x.close();
        }
    }

    /** A query parameter stripped, {@code null} when absent or blank. */
    static String param(Map<String, String> query, String name) {
        String v = query.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }
}
