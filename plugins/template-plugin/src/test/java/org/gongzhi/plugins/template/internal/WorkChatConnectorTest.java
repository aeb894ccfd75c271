package org.gongzhi.plugins.template.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.gongzhi.plugin.api.connector.ConnectorSettings;
import org.gongzhi.plugin.api.connector.DepartmentUnavailableException;
import org.gongzhi.plugin.api.connector.Dispatch;
import org.gongzhi.plugin.api.connector.DispatchRefusedException;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import com.sun.net.httpserver.HttpServer;

/** The work-chat connector against a real HTTP server playing the group robot. */
public class WorkChatConnectorTest {

    private HttpServer robot;
    private final List<String> posted = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String answer = "{\"errcode\":0,\"errmsg\":\"ok\"}";
    private final WorkChatConnector connector = new WorkChatConnector();
    private final Dispatch dispatch = new Dispatch(UUID.fromString("0b6f7c4e-1d2a-4c3b-9e8f-0a1b2c3d4e5f"), "jizhou", "CG",
            UUID.randomUUID(), "360802-20261122-000001", true, 1,
            "{\"title\":\"张三家门口垃圾堆积\",\"reporterPhone\":\"13900000001\"}");

    @Before
    public void start() throws IOException {
        robot = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        robot.createContext("/cgi-bin/webhook/send", exchange -> {
            posted.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        robot.start();
    }

    @After
    public void stop() {
        robot.stop(0);
    }

    private ConnectorSettings settings() {
        return new ConnectorSettings("jizhou", "CG", WorkChatConnector.TYPE,
                Map.of("url", "http://127.0.0.1:" + robot.getAddress().getPort() + "/cgi-bin/webhook/send?key={department}"));
    }

    @Test
    public void aDispatchIsAnnouncedWithoutPersonalData() throws Exception {
        assertThat(connector.deliver(dispatch, settings())).isEqualTo("chat:0b6f7c4e");
        assertThat(posted).singleElement().satisfies(body -> {
            assertThat(body).startsWith("{\"msgtype\":\"text\",\"text\":{\"content\":\"【共治派遣】案件 360802-20261122-000001 已派至本部门（牵头）");
            assertThat(body).contains("派遣号 0b6f7c4e").doesNotContain("张三").doesNotContain("13900000001");
        });
    }

    @Test
    public void theRobotsAnswersDecideRefusedOrLater() {
        status = 503;
        assertThatThrownBy(() -> connector.deliver(dispatch, settings())).isInstanceOf(DepartmentUnavailableException.class);
        status = 200;
        answer = "{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}";
        assertThatThrownBy(() -> connector.deliver(dispatch, settings())).isInstanceOf(DepartmentUnavailableException.class);
        answer = "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}";
        assertThatThrownBy(() -> connector.deliver(dispatch, settings())).isInstanceOf(DispatchRefusedException.class)
                .hasMessageContaining("93000");
        status = 404;
        assertThatThrownBy(() -> connector.deliver(dispatch, settings())).isInstanceOf(DispatchRefusedException.class);
    }

    @Test
    public void aMissingOrBadWebhookIsRefusedAndADownRobotIsLater() {
        assertThatThrownBy(() -> connector.deliver(dispatch, new ConnectorSettings("jizhou", "CG", "template-chat", Map.of())))
                .isInstanceOf(DispatchRefusedException.class).hasMessageContaining("url");
        assertThatThrownBy(() -> connector.deliver(dispatch, new ConnectorSettings("jizhou", "CG", "template-chat",
                Map.of("url", "ftp://robot.example/x")))).isInstanceOf(DispatchRefusedException.class);
        int port = robot.getAddress().getPort();
        robot.stop(0);
        assertThatThrownBy(() -> connector.deliver(dispatch, new ConnectorSettings("jizhou", "CG", "template-chat",
                Map.of("url", "http://127.0.0.1:" + port + "/cgi-bin/webhook/send")))).isInstanceOf(DepartmentUnavailableException.class);
    }
}
