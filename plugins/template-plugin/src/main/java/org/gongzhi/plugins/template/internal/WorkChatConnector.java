package org.gongzhi.plugins.template.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gongzhi.plugin.api.DistrictModel;
import org.gongzhi.plugin.api.connector.ConnectorSettings;
import org.gongzhi.plugin.api.connector.DepartmentConnector;
import org.gongzhi.plugin.api.connector.DepartmentUnavailableException;
import org.gongzhi.plugin.api.connector.Dispatch;
import org.gongzhi.plugin.api.connector.DispatchRefusedException;
import org.osgi.service.component.annotations.Component;

/**
 * Connector type {@code template-chat} (工作群通知): tells a department's work-chat group about a new
 * dispatch through the group robot's webhook (the WeCom / DingTalk style
 * {@code {"msgtype":"text","text":{"content":"…"}}}). For departments without a system of their
 * own: the handlers open the case in the platform and report there.
 *
 * <p>The message carries the case number, the department's part (lead or co-handling) and a short
 * dispatch id — no title, no address, no resident: a chat group is no place for personal data.
 * Options: {@code url} (the robot's webhook, http or https, required). Answers: 2xx with
 * {@code errcode} 0 or none → delivered; {@code errcode} 45009 (too many messages), HTTP 408/429/5xx
 * or no answer → tried again later; any other → refused (a dead letter an operator may replay after
 * fixing the webhook). A retried dispatch may post its message twice; the short id makes that visible.
 */
@Component(service = DepartmentConnector.class, property = DistrictModel.MODEL_PROPERTY + "=" + TemplateModel.ID)
public final class WorkChatConnector implements DepartmentConnector {

    /** The connector type departments name: {@code connector: {type: template-chat, url: …}}. */
    public static final String TYPE = "template-chat";
    private static final Pattern ERRCODE = Pattern.compile("\"errcode\"\\s*:\\s*(-?\\d+)");
    private static final int RATE_LIMITED = 45009;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String deliver(Dispatch dispatch, ConnectorSettings settings) throws Exception {
        URI url = webhook(settings);
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(message(dispatch), StandardCharsets.UTF_8)).build();
        HttpResponse<String> answer;
        try {
            answer = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DepartmentUnavailableException("工作群机器人无应答 (the group robot did not answer): " + e);
        }
        int status = answer.statusCode();
        if (status == 408 || status == 429 || status >= 500) {
            throw new DepartmentUnavailableException("工作群机器人暂不可用 (the group robot is unavailable): HTTP " + status);
        }
        if (status < 200 || status >= 300) {
            throw new DispatchRefusedException("工作群机器人拒收 (the group robot refused): HTTP " + status);
        }
        Matcher errcode = ERRCODE.matcher(answer.body() == null ? "" : answer.body());
        int code = errcode.find() ? Integer.parseInt(errcode.group(1)) : 0;
        if (code == RATE_LIMITED) {
            throw new DepartmentUnavailableException("工作群消息过多，稍后再发 (too many group messages)", Duration.ofSeconds(60));
        }
        if (code != 0) {
            throw new DispatchRefusedException("工作群机器人拒收 (the group robot refused): errcode " + code);
        }
        return "chat:" + shortId(dispatch);
    }

    /** The webhook URL; a missing or malformed one is refused for good, naming the option. */
    static URI webhook(ConnectorSettings settings) throws DispatchRefusedException {
        String url = settings.option("url").orElseThrow(() ->
                new DispatchRefusedException("缺少连接器选项 url (connector option url is missing)"));
        try {
            URI uri = URI.create(url);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException("not http(s)");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new DispatchRefusedException("连接器选项 url 不是 http(s) 地址 (connector option url is not an http(s) URL)");
        }
    }

    /** The group message: no personal data, see the class comment. */
    static String message(Dispatch d) {
        String text = "【共治派遣】案件 " + d.caseNumber() + " 已派至本部门（" + (d.lead() ? "牵头" : "协办")
                + "），请登录平台办理。派遣号 " + shortId(d) + (d.attempt() > 1 ? "（重发）" : "");
        return "{\"msgtype\":\"text\",\"text\":{\"content\":\"" + jsonText(text) + "\"}}";
    }

    static String shortId(Dispatch d) {
        return d.dispatchId().toString().substring(0, 8);
    }

    private static String jsonText(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
