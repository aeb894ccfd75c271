/**
 * Gongzhi plugin API (共治插件接口): the services a district model plugin registers and the
 * services the core offers it.
 *
 * <p>A plugin registers {@link org.gongzhi.plugin.api.DistrictModel} and, as it needs,
 * {@link org.gongzhi.plugin.api.TriagePolicy}, {@link org.gongzhi.plugin.api.TransitionGuard},
 * {@link org.gongzhi.plugin.api.CaseLifecycleListener} and REST resources as
 * {@link org.gongzhi.plugin.api.PluginEndpoint}s under {@link org.gongzhi.plugin.api.PluginPaths#BASE}. It uses {@link org.gongzhi.plugin.api.PluginStorage}
 * for its own records and {@link org.gongzhi.plugin.api.PluginTenants} to learn about tenants.
 * Since 1.1 it may add pages to the web console as {@link org.gongzhi.plugin.api.ConsolePage}s, and
 * since 1.2 panels to the district's big screen as {@link org.gongzhi.plugin.api.ScreenPanel}s, whose
 * figures are {@link org.gongzhi.plugin.api.ScreenFigures}.
 *
 * <p>Plugins implement the interfaces of this package and register them as OSGi services
 * (whiteboard pattern); the platform core only calls them. Every service carries the
 * service property {@value org.gongzhi.plugin.api.DistrictModel#MODEL_PROPERTY} naming the
 * model it belongs to, and is consulted only for tenants that enabled that model.
 *
 * @since 1.0
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.gongzhi.plugin.api;
