package org.gongzhi.plugin.api;

import java.time.YearMonth;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A panel a plugin adds to the district's big screen (大屏插件面板): a title, a JavaScript ES module
 * in the plugin bundle that draws the panel, and the panel's figures — aggregates only, computed by
 * the plugin and handed to the core as {@link ScreenFigures}, which can hold nothing but numbers and
 * the short labels of their rows.
 *
 * <p>Implemented by plugins: a DS component registered as this service, with the property
 * {@value DistrictModel#MODEL_PROPERTY} like every plugin service (equal to {@link #model()}).
 * Immutable; {@link #figures} may block on {@link PluginStorage} and must be thread-safe.
 *
 * <p>Wall screens sign in with the read-only role {@code screen-viewer}, which reads none of the
 * plugin's {@link PluginEndpoint}s (their records carry names, phones and notes). The core lists the
 * panel, in {@code GET /api/v1/tenants/{tenant}/screen/panels}, to the districts that enabled
 * {@link #model()} and serves its figures, as JSON it writes itself, at
 * {@code GET /api/v1/tenants/{tenant}/screen/panels/<model>/<id>} to {@code district-admin},
 * {@code dispatcher} and {@code screen-viewer}; that is the only plugin data a panel can read on a
 * screen. The module is served like a console page's ({@link ConsolePage}) at
 * {@code /console/plugins/<model>/<id>.js}; panel ids and console page ids of a model share that
 * name space. A panel that breaks a rule below is ignored, with a warning in the log; so is a second
 * one with the same model and id.
 *
 * <p>The module exports {@code mount(el, ctx)}, draws into {@code el} (a box of about 440×300 CSS
 * pixels on a 1920×1080 screen) and may return a function that unmounts the panel; {@code ctx} holds
 * {@code tenant}, {@code locale} ({@code zh-CN} or {@code en}), {@code theme} ({@code dark}) and
 * {@code api(path, init)}, a {@code fetch} of a path relative to {@code /api/v1/tenants/<tenant>/} with
 * the screen's token. It imports only sibling modules and the platform's kit
 * ({@code /console/plugins/kit/1/ui.js}, {@code /console/plugins/kit/1/screen.js}), takes its colours
 * from the screen's CSS variables ({@code --screen-text}, {@code --screen-accent}…) and writes data as
 * text, never as HTML. The plugin guide (section "大屏面板 · Screen panels") gives the whole contract.
 *
 * @since 1.2
 */
@ConsumerType
public interface ScreenPanel {

    /** {@value}: the form of {@link #id()}, as for console pages. */
    String ID_PATTERN = ConsolePage.ID_PATTERN;

    /** {@value}: the form of {@link #module()}, as for console pages, e.g. {@code screen/colours.js}. */
    String MODULE_PATTERN = ConsolePage.MODULE_PATTERN;

    /** The model whose enablement shows the panel: the plugin's {@link DistrictModel#id()}. */
    String model();

    /**
     * The panel key, {@value #ID_PATTERN}, unique within the model among its panels and console
     * pages, e.g. {@code colours}.
     */
    String id();

    /** Title in simplified Chinese, at most 20 characters, e.g. 三色网格. */
    String labelZh();

    /** Title in English, at most 40 characters. */
    String labelEn();

    /** Path of the panel's ES module inside the plugin bundle, {@value #MODULE_PATTERN}. */
    String module();

    /** Position among the plugin panels on the screen, smaller first; ties by model, then id. */
    default int order() {
        return 100;
    }

    /**
     * The panel's figures for a district that enabled the model: counts and rates of {@code month}
     * (the current month of the district's calendar when the core asks) and states as of now (e.g.
     * orders still open). Aggregates only: a row label names a place, an organisation or a category,
     * never a person. The core asks at most every few seconds per district and panel, and caches the
     * answer; it should come within a second or two. An exception answers the screen with 503 and is
     * logged.
     *
     * @param tenantId the district
     * @param month    the month the counts are of
     */
    ScreenFigures figures(String tenantId, YearMonth month);
}
