package org.gongzhi.plugin.api;

import java.util.Set;

/**
 * A {@link ConsolePage} whose module is {@code console/<id>.js} in the plugin bundle: what most
 * pages are. A plugin extends it in a DS component and passes its facts to the constructor;
 * the values are checked by the core when the page registers.
 *
 * @since 1.1
 */
public abstract class ModulePage implements ConsolePage {

    private final String model;
    private final String id;
    private final String labelZh;
    private final String labelEn;
    private final int order;
    private final Set<String> roles;

    /**
     * @param model   the plugin's model id
     * @param id      the page key; the module is {@code console/<id>.js}
     * @param labelZh the menu label in simplified Chinese
     * @param labelEn the menu label in English
     * @param order   the position among the plugin pages
     * @param roles   the roles that see the page; none for every staff role
     */
    protected ModulePage(String model, String id, String labelZh, String labelEn, int order, String... roles) {
        this.model = model;
        this.id = id;
        this.labelZh = labelZh;
        this.labelEn = labelEn;
        this.order = order;
        this.roles = Set.of(roles);
    }

    @Override
    public final String model() {
        return model;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String labelZh() {
        return labelZh;
    }

    @Override
    public final String labelEn() {
        return labelEn;
    }

    @Override
    public final String module() {
        return "console/" + id + ".js";
    }

    @Override
    public final int order() {
        return order;
    }

    @Override
    public final Set<String> roles() {
        return roles;
    }
}
