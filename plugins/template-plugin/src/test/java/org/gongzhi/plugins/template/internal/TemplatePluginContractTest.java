package org.gongzhi.plugins.template.internal;

import org.gongzhi.plugin.api.PluginStorage;
import org.gongzhi.plugin.api.PluginTenants;
import org.gongzhi.plugin.tck.DistrictPluginContract;
import org.gongzhi.plugin.tck.PluginUnderTest;

/** The plugin contract suite (TCK) run on the template plugin: build the services as DS would. */
public class TemplatePluginContractTest extends DistrictPluginContract {

    @Override
    protected PluginUnderTest createPlugin(PluginStorage storage, PluginTenants tenants) {
        return PluginUnderTest.of(new TemplateModel())
                .withTriagePolicy(new TemplateTriagePolicy())
                .withListeners(new GridEventCounter(storage, tenants))
                .withReportContributions(new NotesReportContribution(storage, tenants))
                .withConsolePages(new NotesPage())
                .withScreenPanels(new NotesPanel(storage, tenants));
    }
}
