package org.gongzhi.plugins.template.internal;

import java.util.Set;

import org.gongzhi.plugin.api.ConsolePage;
import org.gongzhi.plugin.api.DistrictModel;
import org.osgi.service.component.annotations.Component;

/**
 * The console page 工作备注 (work notes): a menu entry of the web console for districts that enabled
 * the model, rendered by the ES module {@code src/main/resources/console/notes.js} (which imports
 * its helpers from the platform's page kit, {@code /console/plugins/kit/1/ui.js}). The core serves the module at
 * {@code /console/plugins/template/notes.js}. COPY ME: one such class per page (or extend
 * {@link org.gongzhi.plugin.api.ModulePage}, which fills in everything from the constructor).
 */
@Component(service = ConsolePage.class, property = DistrictModel.MODEL_PROPERTY + "=" + TemplateModel.ID)
public final class NotesPage implements ConsolePage {

    @Override
    public String model() {
        return TemplateModel.ID;
    }

    @Override
    public String id() {
        return "notes";
    }

    @Override
    public String labelZh() {
        return "工作备注";
    }

    @Override
    public String labelEn() {
        return "Work notes";
    }

    @Override
    public String module() {
        return "console/notes.js";
    }

    /** Everyone who reads plugin endpoints; department handlers see the page without the form. */
    @Override
    public Set<String> roles() {
        return Set.of();
    }

    @Override
    public int order() {
        return 100;
    }
}
