package org.gongzhi.plugins.oldmanstudios.internal;

import org.gongzhi.plugin.api.PluginStorage;
import org.gongzhi.plugin.api.PluginTenants;
import org.gongzhi.plugin.tck.DistrictPluginContract;
import org.gongzhi.plugin.tck.PluginUnderTest;

/**
 * The plugin contract suite (插件契约测试) over this plugin's descriptor, guard, listener, report
 * contribution, console pages and screen panel. The
 * plugin registers no TriagePolicy (the core's category tiers apply), so the triage checks are skipped.
 */
public class OldManStudiosContractTest extends DistrictPluginContract {

    @Override
    protected PluginUnderTest createPlugin(PluginStorage storage, PluginTenants tenants) {
        return PluginUnderTest.of(new OldManStudiosModel())
                .withGuards(new UnresolvedDisputeGuard(storage))
                .withListeners(new DisputeDraftListener(storage, tenants))
                .withReportContributions(new MediationReportContribution(storage, tenants))
                .withConsolePages(new ConsolePages.Studios(), new ConsolePages.Disputes(), new ConsolePages.Sessions())
                .withScreenPanels(new MediationPanel(storage));
    }
}
