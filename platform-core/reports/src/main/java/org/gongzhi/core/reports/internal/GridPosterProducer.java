package org.gongzhi.core.reports.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.gongzhi.core.grid.GridLevel;
import org.gongzhi.core.grid.GridNode;
import org.gongzhi.core.reporting.Poster;
import org.gongzhi.core.reporting.PosterRenderer;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.residents.GridPosters;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.tenant.TenantDefinition;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link GridPosters} service: picks the grids, builds each poster's text and URL, has the
 * {@link PosterRenderer} draw them. The residents' public address is {@code publicUrl} of PID
 * {@code org.gongzhi.posters}, a PID of its own: a change is taken by {@link #modified} without
 * deactivating anything, so no REST resource is re-registered (a re-registration makes the JAX-RS
 * whiteboard redeploy the whole API, which the resident API's components would on their PID).
 */
@Component(configurationPid = GridPosterProducer.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class GridPosterProducer implements GridPosters {

    static final String PID = "org.gongzhi.posters";
    static final String DEFAULT_PUBLIC_URL = "http://127.0.0.1:8181";
    static final String TITLE = "扫码上报 · 码上办";
    static final List<String> INSTRUCTIONS = List.of(
            "用手机相机或微信扫描上方二维码",
            "选择问题类别，拍照并简要描述，位置已按本网格预填",
            "输入手机号和短信验证码后提交，记下案件编号",
            "在“我的上报”查看办理进度，办结后请评价");

    private static final Logger LOG = LoggerFactory.getLogger(GridPosterProducer.class);

    /** Configuration of the residents' side that the posters need. */
    public @interface Config {
        /** The address residents reach the platform at, e.g. {@code https://gongzhi.example.cn}. */
        String publicUrl() default DEFAULT_PUBLIC_URL;
    }

    private final TenantDirectory tenants;
    private final PosterRenderer renderer;
    private volatile String publicUrl;

    @Activate
    public GridPosterProducer(@Reference TenantDirectory tenants, @Reference PosterRenderer renderer, Config config) {
        this.tenants = tenants;
        this.renderer = renderer;
        modified(config);
    }

    /** A new public address takes effect for the next poster; an invalid one is logged and refused at use. */
    @Modified
    void modified(Config config) {
        String url = publicBase(config.publicUrl());
        if (url == null) {
            LOG.error("{} publicUrl is not an absolute http(s) URL without query or fragment: '{}'; posters are refused until it is",
                    PID, config.publicUrl());
        }
        this.publicUrl = url;
    }

    @Override
    public PosterFile posters(String tenantId, String gridCode, boolean below) {
        TenantDefinition district = tenants.require(tenantId);
        GridNode grid = grid(district, gridCode);
        List<GridNode> grids = below ? below(district, grid) : List.of(grid);
        if (grids.size() > MAX_PAGES) {
            throw new ValidationException("below", grid.name() + " 下有 " + grids.size() + " 个网格，超过每个文件 " + MAX_PAGES
                    + " 页的上限，请选下一级网格 (" + grids.size() + " grids below " + grid.code() + ", more than "
                    + MAX_PAGES + " pages; pick a lower grid)");
        }
        String base = base();
        List<Poster> posters = grids.stream().map(g -> poster(district, g, base)).toList();
        return new PosterFile(fileName(district.id(), grid.code()), posters.size(), renderer.render(posters));
    }

    @Override
    public String reportUrl(String tenantId, String gridCode) {
        TenantDefinition district = tenants.require(tenantId);
        return url(base(), district.id(), grid(district, gridCode).code());
    }

    private String base() {
        String base = publicUrl;
        if (base == null) {
            throw new IllegalStateException(PID + " publicUrl is not an absolute http(s) URL; posters cannot be made");
        }
        return base;
    }

    static GridNode grid(TenantDefinition district, String code) {
        if (code == null || code.isBlank()) {
            throw new ValidationException("grid", "必填项 (required): grid");
        }
        return district.grids().find(code).orElseThrow(() -> new ValidationException("grid",
                "本区没有该网格 (no such grid in " + district.id() + "): "
                        + (code.length() > 64 ? code.substring(0, 64) + "…" : code)));
    }

    /** Every grid under {@code grid} in tree order; the grid itself when nothing is under it. */
    static List<GridNode> below(TenantDefinition district, GridNode grid) {
        if (grid.isLeaf()) {
            return List.of(grid);
        }
        List<GridNode> out = new ArrayList<>();
        for (String code : district.grids().descendantCodes(grid.code())) {
            if (!code.equals(grid.code())) {
                out.add(district.grids().find(code).orElseThrow());
            }
        }
        return out;
    }

    static Poster poster(TenantDefinition district, GridNode grid, String base) {
        List<String> path = district.grids().pathTo(grid.code()).stream()
                .filter(n -> n.level() != GridLevel.DISTRICT)
                .map(GridNode::name).toList();
        return new Poster(TITLE, district.name(), grid.name(), path, url(base, district.id(), grid.code()), INSTRUCTIONS,
                "网格编码 " + grid.code() + " · " + district.city() + district.name());
    }

    /** {@code <base>/report/<district>/?grid=<code>}, the code percent-encoded. */
    static String url(String base, String district, String grid) {
        return base + "/report/" + district + "/?grid=" + URLEncoder.encode(grid, StandardCharsets.UTF_8);
    }

    /** {@code posters-<district>-<grid>.pdf}, the grid code reduced to characters safe in a file name. */
    static String fileName(String district, String grid) {
        return "posters-" + district + "-" + grid.replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf";
    }

    /** The configured address without a trailing slash, or null when it is not an absolute http(s) URL. */
    static String publicBase(String configured) {
        if (configured == null || configured.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(configured.strip());
            String scheme = uri.getScheme();
            if (!("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) || uri.getHost() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                return null;
            }
            String s = uri.toString();
            while (s.endsWith("/")) {
                s = s.substring(0, s.length() - 1);
            }
            return s;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }
}
