package org.gongzhi.core.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.net.MalformedURLException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import javax.ws.rs.core.Request;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.gongzhi.core.identity.Caller;
import org.gongzhi.core.service.NotFoundException;
import org.gongzhi.core.tenant.TenantDefinition;
import org.gongzhi.core.tenant.TenantDefinitionReader;
import org.gongzhi.core.testing.FakeTenantDirectory;
import org.gongzhi.plugin.api.ScreenFigures;
import org.gongzhi.plugin.api.ScreenPanel;
import org.gongzhi.plugin.tck.MutableClock;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The screen panels through their resource: who may list them and read their figures, what the
 * figures look like on the wire, how long they are kept, and that a wall screen's role still reads
 * none of a plugin's own endpoints.
 */
public class ScreenPanelResourceTest {

    private static TenantDefinition jizhou;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T16:30:00Z")); // 1 Dec in Beijing
    private final AtomicInteger asked = new AtomicInteger();
    private final ConsolePages pages = new ConsolePages();
    private ScreenPanelResource resource;
    private volatile RuntimeException failure;

    @BeforeClass
    public static void readJizhou() {
        jizhou = new TenantDefinitionReader().read(Path.of("../../tenants/jizhou").toAbsolutePath().normalize());
    }

    /** The colours panel of the three-colour grid, counting how often it is asked. */
    private final class Colours implements ScreenPanel {
        @Override
        public String model() {
            return "three-colour-grid";
        }

        @Override
        public String id() {
            return "colours";
        }

        @Override
        public String labelZh() {
            return "三色网格";
        }

        @Override
        public String labelEn() {
            return "Three-colour grid";
        }

        @Override
        public String module() {
            return "screen/colours.js";
        }

        @Override
        public ScreenFigures figures(String tenantId, YearMonth month) {
            asked.incrementAndGet();
            if (failure != null) {
                throw failure;
            }
            return ScreenFigures.builder().count("whistles", 12).count("answered", 10).rate("answerRate", null)
                    .row("green", "绿·简易问题", r -> r.count("reported", 7).rate("closureRate", 0.5))
                    .build();
        }
    }

    private FakeTenantDirectory tenants;

    @Before
    public void panel() throws Exception {
        tenants = FakeTenantDirectory.of(jizhou).enable("jizhou", "three-colour-grid");
        Path bundle = Files.createTempDirectory("panels");
        Files.createDirectories(bundle.resolve("screen"));
        Files.writeString(bundle.resolve("screen/colours.js"), "export function mount(el, ctx) {}");
        pages.add(new Colours(), "three-colour-grid", path -> {
            Path p = bundle.resolve(path);
            try {
                return Files.isRegularFile(p) ? p.toUri().toURL() : null;
            } catch (MalformedURLException e) {
                throw new AssertionError(e);
            }
        });
        resource = new ScreenPanelResource(tenants, pages, clock);
    }

    private static SecurityContext as(String tenant, String... roles) {
        return new AuthenticationSeam.Verified(new Caller(tenant, "sub-" + roles[0], "user-" + roles[0], Set.of(roles),
                "gongzhi-web", null, Set.of()), false);
    }

    private ScreenPanelResource.FiguresJson figures(SecurityContext who) {
        Response r = resource.figures("jizhou", "three-colour-grid", "colours", who);
        assertThat(r.getStatus()).isEqualTo(200);
        return (ScreenPanelResource.FiguresJson) r.getEntity();
    }

    @Test
    public void theScreenAndTheCentreListThePanelsOfTheEnabledModels() {
        for (String role : List.of("screen-viewer", "dispatcher", "district-admin")) {
            assertThat(resource.panels("jizhou", as("jizhou", role))).as(role).containsExactly(
                    new ScreenPanelResource.PanelJson("three-colour-grid", "colours", "三色网格", "Three-colour grid",
                            "/console/plugins/three-colour-grid/colours.js", 100));
        }
        tenants.setModelEnabled("jizhou", "three-colour-grid", false);
        assertThat(resource.panels("jizhou", as("jizhou", "screen-viewer"))).as("model disabled").isEmpty();
    }

    @Test
    public void otherRolesAndDistrictsAreRefused() {
        for (String role : List.of("grid-worker", "department-handler", "mediator", "social-worker", "resident")) {
            assertThatThrownBy(() -> resource.panels("jizhou", as("jizhou", role))).as(role)
                    .isInstanceOf(Access.AccessDeniedException.class);
            assertThatThrownBy(() -> resource.figures("jizhou", "three-colour-grid", "colours", as("jizhou", role)))
                    .as(role).isInstanceOf(Access.AccessDeniedException.class);
        }
        assertThatThrownBy(() -> resource.panels("jizhou", as("donghu", "screen-viewer")))
                .as("another district's screen").isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> resource.figures("jizhou", "three-colour-grid", "colours", as("donghu", "screen-viewer")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> resource.panels("jizhou", as("city", "city-admin")))
                .isInstanceOf(Access.AccessDeniedException.class);
        assertThat(asked).as("no figure computed for a refused caller").hasValue(0);
    }

    @Test
    public void figuresAreNumbersAndRowLabelsWrittenByTheCore() throws Exception {
        ScreenPanelResource.FiguresJson f = figures(as("jizhou", "screen-viewer"));
        assertThat(f.period()).as("the month of the district's calendar").isEqualTo("2026-12");
        JsonNode json = Json.mapper().valueToTree(f);
        assertThat(json.toString()).isEqualTo("{\"model\":\"three-colour-grid\",\"id\":\"colours\",\"period\":\"2026-12\","
                + "\"generatedAt\":\"2026-11-30T16:30:00Z\",\"figures\":{\"whistles\":12,\"answered\":10,\"answerRate\":null},"
                + "\"rows\":[{\"key\":\"green\",\"label\":\"绿·简易问题\",\"figures\":{\"reported\":7,\"closureRate\":0.5}}]}");
    }

    @Test
    public void unknownPanelsAndDisabledModelsAre404() {
        assertThatThrownBy(() -> resource.figures("jizhou", "three-colour-grid", "whistles", as("jizhou", "dispatcher")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> resource.figures("jizhou", "old-man-studios", "colours", as("jizhou", "dispatcher")))
                .isInstanceOf(NotFoundException.class);
        tenants.setModelEnabled("jizhou", "three-colour-grid", false);
        assertThatThrownBy(() -> resource.figures("jizhou", "three-colour-grid", "colours", as("jizhou", "dispatcher")))
                .isInstanceOf(NotFoundException.class);
        assertThat(asked).hasValue(0);
    }

    @Test
    public void aHundredScreensCostOneComputationUntilTheFiguresAreStale() {
        for (int i = 0; i < 100; i++) {
            figures(as("jizhou", "screen-viewer"));
        }
        assertThat(asked).hasValue(1);
        clock.advance(ScreenPanelResource.FRESH.minusSeconds(1));
        figures(as("jizhou", "dispatcher"));
        assertThat(asked).hasValue(1);
        clock.advance(Duration.ofSeconds(2));
        assertThat(figures(as("jizhou", "screen-viewer")).generatedAt()).isEqualTo(clock.instant());
        assertThat(asked).hasValue(2);
    }

    @Test
    public void aFailingPluginAnswers503AndIsAskedAgainNextTime() {
        failure = new IllegalStateException("storage down");
        Response r = resource.figures("jizhou", "three-colour-grid", "colours", as("jizhou", "screen-viewer"));
        assertThat(r.getStatus()).isEqualTo(503);
        assertThat(((Problem) r.getEntity()).type()).endsWith("/panel-unavailable");
        failure = null;
        figures(as("jizhou", "screen-viewer"));
        assertThat(asked).as("a failure is not kept").hasValue(2);
    }

    @Test
    public void aWallScreenReadsNoneOfThePluginsOwnEndpoints() {
        TenantPluginResource plugins = new TenantPluginResource(null, tenants, new PluginEndpoints());
        for (String method : List.of("GET", "HEAD", "POST", "PUT", "DELETE")) {
            assertThatThrownBy(() -> plugins.endpoint("jizhou", "three-colour-grid", "whistles", request(method),
                    as("jizhou", "screen-viewer"))).as(method).isInstanceOf(Access.AccessDeniedException.class);
        }
        assertThatThrownBy(() -> plugins.enable("jizhou", "three-colour-grid", as("jizhou", "screen-viewer")))
                .isInstanceOf(Access.AccessDeniedException.class);
    }

    private static Request request(String method) {
        return (Request) Proxy.newProxyInstance(Request.class.getClassLoader(), new Class<?>[] {Request.class},
                (proxy, m, args) -> {
                    if (m.getName().equals("getMethod")) {
                        return method;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }
}
