package org.gongzhi.plugins.threelinked.internal;

import org.gongzhi.plugin.api.PluginStorage;
import org.gongzhi.plugin.api.PluginTenants;
import org.gongzhi.plugin.tck.DistrictPluginContract;
import org.gongzhi.plugin.tck.PluginUnderTest;

/** The plugin contract suite (插件契约测试) over this plugin's descriptor, listener, report contribution, console pages
 * and screen panel. */
public class ThreeLinkedContractTest extends DistrictPluginContract {

    @Override
    protected PluginUnderTest createPlugin(PluginStorage storage, PluginTenants tenants) {
        return PluginUnderTest.of(new ThreeLinkedModel()).withListeners(new CaseNeedListener(storage, tenants))
                .withReportContributions(new ThreeLinkedReportContribution(storage, tenants))
                .withConsolePages(new ConsolePages.Needs(), new ConsolePages.Orders(), new ConsolePages.Meetings())
                .withScreenPanels(new NeedsPanel(storage));
    }
}
