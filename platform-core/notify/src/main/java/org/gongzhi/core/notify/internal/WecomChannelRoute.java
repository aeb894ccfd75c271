package org.gongzhi.core.notify.internal;

import java.net.URI;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.gongzhi.core.service.notify.Notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Route {@value #ROUTE_ID}: a notification to a group → {@code POST} to the group robot's webhook of
 * WeChat Work (企业微信群机器人), JSON {@code {"msgtype":"text","text":{"content":…}}} or, when configured,
 * {@code {"msgtype":"markdown","markdown":{"content":…}}}. The webhook of a group: {@code <district>/<department>}
 * for {@code department:<code>}, else the district's {@code <district>}; {@code city} for the city. The robot
 * answers HTTP 200 with {@code errcode}: 0 took it; 45009 (rate limit) or -1 (busy) may pass; any other
 * refuses it. Webhook URLs carry the robot's key: never logged.
 */
final class WecomChannelRoute extends RouteBuilder {

    static final String ROUTE_ID = "notify-wecom";
    static final String COMPONENT = "gongzhi-notify-wecom-http";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The robots: scope ({@code <district>}, {@code <district>/<department>}, {@code city}) → webhook URL. */
    record Settings(Map<String, URI> webhooks, boolean markdown) {

        /** The webhook of a group of a district, or {@code null}. */
        URI webhook(String tenantId, String destination) {
            if (Notification.CITY_GROUP.equals(destination)) {
                return webhooks.get(Notification.CITY_GROUP);
            }
            if (destination.startsWith(Notification.DEPARTMENT_GROUP)) {
                URI own = webhooks.get(tenantId + "/" + destination.substring(Notification.DEPARTMENT_GROUP.length()));
                if (own != null) {
                    return own;
                }
            }
            return webhooks.get(tenantId);
        }
    }

    private final Settings settings;

    WecomChannelRoute(Settings settings) {
        this.settings = settings;
    }

    @Override
    public void configure() {
        from("direct:" + ROUTE_ID).routeId(ROUTE_ID).errorHandler(noErrorHandler())
                .process(this::request)
                .to(COMPONENT + "://gongzhi-notify-wecom?throwExceptionOnFailure=false")
                .process(WecomChannelRoute::answer);
    }

    private void request(Exchange ex) throws Exception {
        Notification n = ex.getProperty(Outgoing.PROPERTY, Outgoing.class).notification();
        URI url = settings.webhook(n.tenantId(), n.destination());
        if (url == null) {
            throw ChannelFailure.unroutable("群机器人未配置 (no WeCom robot for " + n.destination() + ")");
        }
        ObjectNode body = JSON.createObjectNode();
        String type = settings.markdown() ? "markdown" : "text";
        body.put("msgtype", type);
        body.putObject(type).put("content", settings.markdown()
                ? "**" + n.subject() + "**\n" + n.text() : n.text());
        Message m = ex.getIn();
        m.removeHeaders("*");
        m.setHeader(Exchange.HTTP_URI, url.toString());
        m.setHeader(Exchange.HTTP_METHOD, "POST");
        m.setHeader(Exchange.CONTENT_TYPE, "application/json; charset=UTF-8");
        m.setBody(JSON.writeValueAsString(body));
    }

    private static void answer(Exchange ex) throws ChannelFailure {
        HttpAnswers.check(ex, "企业微信机器人");
        JsonNode answer;
        try {
            answer = JSON.readTree(ex.getMessage().getBody(String.class));
        } catch (Exception e) {
            throw ChannelFailure.passing("企业微信机器人应答无法解析 (unreadable robot answer)");
        }
        int code = answer.path("errcode").asInt(0);
        if (code == 45009 || code == -1) {
            throw ChannelFailure.passing("企业微信机器人限流或繁忙 (robot rate-limited or busy): errcode " + code);
        }
        if (code != 0) {
            throw ChannelFailure.refused("企业微信机器人拒收 (robot refused): errcode " + code);
        }
        ex.setProperty(NotifyDeliverRoute.RECEIPT, "wecom");
    }
}
