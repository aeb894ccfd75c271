package org.gongzhi.plugin.api;

/**
 * Where plugin REST resources live. A plugin registers JAX-RS resources on the OSGi JAX-RS
 * whiteboard with {@code @Path(PluginPaths.BASE + "/<model-id>/…")}; the core checks, before the
 * resource runs, that the tenant exists and enabled that model (otherwise 404), authenticates the
 * caller like every other call, and maps errors to problem details.
 *
 * @since 1.0
 */
public final class PluginPaths {

    /** {@value}: prefix of every plugin resource; {@code {tenant}} is the district id. */
    public static final String BASE = "/api/v1/tenants/{tenant}/plugins";

    private PluginPaths() {
    }
}
