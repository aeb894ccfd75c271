package org.gongzhi.core.notify.internal;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;

/**
 * Route {@value #ROUTE_ID}: a notification → an e-mail over SMTP (camel-mail): subject and text as
 * rendered, plain text in UTF-8, from the configured sender. One attempt per call: the outbox retries.
 * An SMTP refusal of the recipient (5xx) counts as passing too: mail servers refuse for passing reasons
 * as well, and the attempts are bounded.
 */
final class EmailChannelRoute extends RouteBuilder {

    static final String ROUTE_ID = "notify-email";

    /** The SMTP server. */
    record Settings(String host, int port, String from, String username, String password, boolean ssl,
                    long timeoutMillis) {

        String uri() {
            StringBuilder b = new StringBuilder(ssl ? "smtps://" : "smtp://").append(host).append(':').append(port)
                    .append("?connectionTimeout=").append(timeoutMillis)
                    .append("&contentType=text/plain;charset=UTF-8")
                    // recipient and subject come from this route's own headers, set below (camel-mail ignores them by default)
                    .append("&useHeaderRecipients=true&useHeaderSubject=true&from=RAW(").append(from).append(')');
            if (!username.isEmpty()) {
                b.append("&username=RAW(").append(username).append(")&password=RAW(").append(password).append(')');
            }
            return b.toString();
        }
    }

    private final Settings settings;

    EmailChannelRoute(Settings settings) {
        this.settings = settings;
    }

    @Override
    public void configure() {
        from("direct:" + ROUTE_ID).routeId(ROUTE_ID).errorHandler(noErrorHandler())
                .process(this::message)
                .to(settings.uri());
    }

    private void message(Exchange ex) {
        Outgoing o = ex.getProperty(Outgoing.PROPERTY, Outgoing.class);
        Message m = ex.getIn();
        m.removeHeaders("*");
        m.setHeader("To", o.address());
        m.setHeader("Subject", o.notification().subject());
        m.setHeader("X-Gongzhi-Notification", o.notification().id().toString());
        m.setBody(o.notification().text());
        ex.setProperty(NotifyDeliverRoute.RECEIPT, "smtp");
    }
}
