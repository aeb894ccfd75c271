package org.gongzhi.plugin.api;

import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A page a plugin adds to the web console (控制台插件页面): a menu entry with zh-CN and English labels
 * and a JavaScript ES module, shipped inside the plugin bundle, that renders the page.
 *
 * <p>Implemented by plugins: a DS component registered as this service, with the property
 * {@value DistrictModel#MODEL_PROPERTY} like every plugin service (equal to {@link #model()}).
 * Immutable and non-blocking: the core calls it on request threads.
 *
 * <p>The core lists the page, in {@code GET /api/v1/tenants/{tenant}/console/pages}, only to
 * districts that enabled {@link #model()} and only to callers holding one of {@link #roles()};
 * it serves the module at {@code /console/plugins/<model>/<id>.js} (public: a module is code,
 * never data) while the plugin is installed. A page that breaks a rule below is ignored, with a
 * warning in the log; so is a second page with the same model and id.
 *
 * <p>The module exports {@code mount(el, ctx)}, which renders into the element {@code el} and may
 * return a function that unmounts the page; {@code ctx} holds {@code tenant}, {@code locale}
 * ({@code zh-CN} or {@code en}), {@code roles} and {@code api(path, init)}, a {@code fetch} of a
 * path relative to {@code /api/v1/tenants/<tenant>/} with the caller's token. The module may
 * import sibling modules of its own directory ({@code ./helpers.js}) and the platform's page kit
 * ({@code /console/plugins/kit/1/ui.js}); it loads nothing from elsewhere and writes data into the
 * page as text, never as HTML. The model id {@code kit} is reserved: its pages are ignored. The plugin guide (section "控制台页面 ·
 * Console pages") gives the whole contract.
 *
 * @since 1.1
 */
@ConsumerType
public interface ConsolePage {

    /** {@value}: the form of {@link #id()}. */
    String ID_PATTERN = "[a-z0-9][a-z0-9-]{0,39}";

    /**
     * {@value}: the form of {@link #module()}, a path inside the bundle of lower-case segments ending
     * in {@code .js}, e.g. {@code console/whistles.js}.
     */
    String MODULE_PATTERN = "([a-z0-9][a-z0-9_-]*/){0,4}[a-z0-9][a-z0-9_-]*\\.js";

    /** The model whose enablement shows the page: the plugin's {@link DistrictModel#id()}. */
    String model();

    /** The page key, {@value #ID_PATTERN}, unique within the model, e.g. {@code whistles}. */
    String id();

    /** Menu label in simplified Chinese, at most 20 characters, e.g. 网格吹哨. */
    String labelZh();

    /** Menu label in English, at most 40 characters, e.g. {@code Whistles}. */
    String labelEn();

    /** Path of the page's ES module inside the plugin bundle, {@value #MODULE_PATTERN}. */
    String module();

    /**
     * Realm roles that see the page in the menu, among {@code district-admin}, {@code dispatcher},
     * {@code grid-worker}, {@code department-handler}, {@code mediator}, {@code social-worker} (the
     * staff who may read plugin endpoints); empty for all of them.
     */
    default Set<String> roles() {
        return Set.of();
    }

    /** Position in the menu among the plugin pages, smaller first; ties by model, then id. */
    default int order() {
        return 100;
    }
}
