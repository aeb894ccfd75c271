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
 * figures are {@link org.gongzhi.plugin.api.ScreenFigures}. Since 1.3 it reads a district's
 * categories, grid tree and departments ({@link org.gongzhi.plugin.api.DistrictFacts}, from
 * {@link org.gongzhi.plugin.api.PluginTenants#district}), finds and counts records by several refs
 * and ranges ({@link org.gongzhi.plugin.api.RecordQuery}), and {@link org.gongzhi.plugin.api.CaseFacts}
 * carries the category's family and name and the lead department's kind.
 *
 * <p>Plugins implement the interfaces of this package and register them as OSGi services
 * (whiteboard pattern); the platform core only calls them. Every service carries the
 * service property {@value org.gongzhi.plugin.api.DistrictModel#MODEL_PROPERTY} naming the
 * model it belongs to, and is consulted only for tenants that enabled that model.
 *
 * <p>Order (since 1.3): when several enabled models have triage policies or guards, the core asks
 * them in a fixed order — models by id (code point order), and within a model by the OSGi order of
 * services (highest {@code service.ranking} first, then lowest {@code service.id}, i.e. the oldest
 * registration). The first non-empty triage decision wins; every guard is asked until one refuses.
 * Listeners are told in the same order.
 *
 * @since 1.0
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package org.gongzhi.plugin.api;
