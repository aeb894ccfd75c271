package org.gongzhi.load;

import java.util.Map;

/**
 * What the driver reports into one tenant: a grid of the tenant, a leaf category, the lead department used at
 * dispatch and, for the demo districts, a point inside that grid (null coordinates are left out of the intake).
 */
record TenantProfile(String tenant, String gridCode, String categoryCode, String department,
                     Double longitude, Double latitude) {

    /** The three demo districts of {@code tenants/}: a GRID-level code, a point inside it, 暴露垃圾, 城管. */
    static final Map<String, TenantProfile> DEMO = Map.of(
            "jizhou", new TenantProfile("jizhou", "360802001001001", "CM0101", "CG", 114.927, 27.08),
            "donghu", new TenantProfile("donghu", "360102001001001", "CM0101", "CG", 115.9135, 28.695),
            "jiangbei", new TenantProfile("jiangbei", "500105001001001", "CM0101", "CG", 106.687, 29.683));

    /** The district administrator of each demo district ({@code tenants/<id>/people.yaml}), who runs every step. */
    static final Map<String, String> DEMO_USERS = Map.of("jizhou", "jz-admin", "donghu", "dh-admin",
            "jiangbei", "jb-admin");

    /** Parses {@code tenant=gridCode,categoryCode,department} (the {@code --profile} option). */
    static TenantProfile parse(String spec) {
        int eq = spec.indexOf('=');
        String[] parts = eq < 0 ? new String[0] : spec.substring(eq + 1).split(",", -1);
        if (eq <= 0 || parts.length != 3) {
            throw new IllegalArgumentException("--profile must look like tenant=gridCode,categoryCode,department: " + spec);
        }
        String tenant = spec.substring(0, eq).trim();
        for (String p : parts) {
            if (p.isBlank()) {
                throw new IllegalArgumentException("--profile has an empty field: " + spec);
            }
        }
        checkId(tenant);
        return new TenantProfile(tenant, parts[0].trim(), parts[1].trim(), parts[2].trim(), null, null);
    }

    /** Tenant ids go into URL paths: letters, digits, {@code -} and {@code _} only. */
    static String checkId(String tenant) {
        if (!tenant.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("not a tenant id (letters, digits, - and _): " + tenant);
        }
        return tenant;
    }
}
