package org.gongzhi.core.rest.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.gongzhi.core.service.NotFoundException;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.tenant.Role;
import org.gongzhi.core.tenant.TenantDefinition;
import org.gongzhi.plugin.api.ScreenFigures;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The plugins' panels of a district's big screen: {@code GET /api/v1/tenants/{tenant}/screen/panels}
 * lists those of the models the district enabled, and {@code GET …/screen/panels/{model}/{id}} gives
 * one panel's figures. The figures are the only plugin data a wall screen ({@code screen-viewer}) can
 * read: the plugin computes them as {@link ScreenFigures} — numbers and short row labels, nothing
 * else — and this resource writes the JSON itself, so no record of the plugin reaches the screen; the
 * plugin's own endpoints stay closed to the role ({@link TenantPluginResource#PLUGIN_READERS}).
 * Figures are kept {@link #FRESH} per district, panel and month, so a hundred screens cost one
 * computation; a plugin that fails answers 503 (logged), not 500.
 */
@Component(service = ScreenPanelResource.class)
@JaxrsResource
@JSONRequired
@Path("/api/v1/tenants/{tenant}/screen/panels")
@Produces(MediaType.APPLICATION_JSON)
public final class ScreenPanelResource {

    private static final Logger LOG = LoggerFactory.getLogger(ScreenPanelResource.class);
    /** Who reads the panels: the wall screens, and the centre that runs them. */
    static final Role[] SCREEN_READERS = {Role.DISTRICT_ADMIN, Role.DISPATCHER, Role.SCREEN_VIEWER};
    /** How long a panel's figures are served before the plugin is asked again. */
    static final Duration FRESH = Duration.ofSeconds(15);

    private final TenantDirectory tenants;
    private final ConsolePages pages;
    private final Clock clock;
    private final Cache<Key, FiguresJson> cache;

    private record Key(String tenant, ConsolePages.Panel panel, YearMonth month) {
    }

    @Activate
    public ScreenPanelResource(@Reference TenantDirectory tenants, @Reference ConsolePages pages) {
        this(tenants, pages, Clock.systemUTC());
    }

    ScreenPanelResource(TenantDirectory tenants, ConsolePages pages, Clock clock) {
        this.tenants = tenants;
        this.pages = pages;
        this.clock = clock;
        this.cache = Caffeine.newBuilder().expireAfterWrite(FRESH).maximumSize(1_000)
                .ticker(() -> clock.millis() * 1_000_000L).build();
    }

    /** A panel as the screen lists it: its titles, its module's URL and its place. */
    record PanelJson(String model, String id, String labelZh, String labelEn, String module, int order) {
        static PanelJson of(ConsolePages.Panel p) {
            return new PanelJson(p.model(), p.id(), p.labelZh(), p.labelEn(), p.moduleUrl(), p.order());
        }
    }

    /** One row of a panel's figures. */
    record RowJson(String key, String label, @JsonInclude(content = JsonInclude.Include.ALWAYS) Map<String, Number> figures) {
    }

    /**
     * A panel's figures: {@code period} the month counted ({@code 2026-12}), {@code generatedAt} when
     * the plugin computed them; counts are whole numbers, rates fractions in [0, 1] or null (written as
     * null, not left out).
     */
    record FiguresJson(String model, String id, String period, Instant generatedAt,
                       @JsonInclude(content = JsonInclude.Include.ALWAYS) Map<String, Number> figures, List<RowJson> rows) {
        static FiguresJson of(ConsolePages.Panel p, YearMonth month, Instant at, ScreenFigures f) {
            Objects.requireNonNull(f, "the panel answered null");
            return new FiguresJson(p.model(), p.id(), month.toString(), at, f.figures(),
                    f.rows().stream().map(r -> new RowJson(r.key(), r.label(), r.figures())).toList());
        }
    }

    @GET
    public List<PanelJson> panels(@PathParam("tenant") String tenant, @Context SecurityContext security) {
        Access.district(security, tenants, tenant, SCREEN_READERS);
        return pages.panels(tenants.enabledModels(tenant)).stream().map(PanelJson::of).toList();
    }

    @GET
    @Path("{model}/{id}")
    public Response figures(@PathParam("tenant") String tenant, @PathParam("model") String model,
                            @PathParam("id") String id, @Context SecurityContext security) {
        Access.district(security, tenants, tenant, SCREEN_READERS);
        TenantDefinition district = tenants.require(tenant);
        if (!tenants.enabledModels(tenant).contains(model)) {
            throw new NotFoundException("本区未启用该治理模式 (district " + tenant + " has no model " + model + ")");
        }
        ConsolePages.Panel panel = pages.panel(model, id)
                .orElseThrow(() -> new NotFoundException("没有这个大屏面板 (no such screen panel): " + model + "/" + id));
        ZoneId zone = district.timeZone();
        YearMonth month = YearMonth.now(clock.withZone(zone));
        try {
            return Response.ok(cache.get(new Key(tenant, panel, month),
                    k -> FiguresJson.of(panel, month, clock.instant(), panel.service().figures(tenant, month)))).build();
        } catch (RuntimeException e) {
            LOG.warn("Screen panel {}/{} failed to give the figures of district {}", model, id, tenant, e);
            return Problem.response(503, "panel-unavailable", "大屏面板暂不可用 (screen panel unavailable)",
                    "插件未能给出该面板的数据，已记录日志 (the plugin failed to give the panel's figures; it has been logged)",
                    null);
        }
    }
}
