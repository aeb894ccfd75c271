package org.gongzhi.plugins.threecolour.internal;

import org.gongzhi.plugin.api.PluginStorage;
import org.gongzhi.plugin.api.PluginTenants;
import org.gongzhi.plugin.tck.DistrictPluginContract;
import org.gongzhi.plugin.tck.PluginUnderTest;

/**
 * The plugin contract suite (插件契约测试) over this plugin's descriptor, triage policy, guard, listener and
 * report contribution, console pages and screen panel.
 */
public class ThreeColourGridContractTest extends DistrictPluginContract {

    @Override
    protected PluginUnderTest createPlugin(PluginStorage storage, PluginTenants tenants) {
        return PluginUnderTest.of(new ThreeColourGridModel())
                .withTriagePolicy(new ThreeColourTriagePolicy())
                .withGuards(new ConsultationGuard(storage))
                .withListeners(new AssessmentTallyListener(storage, tenants))
                .withReportContributions(new GridReportContribution(storage, tenants))
                .withConsolePages(new ConsolePages.Roster(), new ConsolePages.Whistles(), new ConsolePages.Consultations())
                .withScreenPanels(new ColoursPanel(storage));
    }
}
