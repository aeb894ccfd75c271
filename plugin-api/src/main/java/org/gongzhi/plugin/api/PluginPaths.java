package org.gongzhi.plugin.api;

/**
 * Where plugin REST resources live: {@value #BASE}{@code /<model-id>/<section>/…}, served by the
 * core through {@link PluginEndpoint} services.
 *
 * @since 1.0
 */
public final class PluginPaths {

    /** {@value}: prefix of every plugin resource; {@code {tenant}} is the district id. */
    public static final String BASE = "/api/v1/tenants/{tenant}/plugins";

    private PluginPaths() {
    }
}
