package org.gongzhi.core.evidence.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Content addresses: {@code <tenant>/<sha256[0..2]>/<sha256>/<name>}. Every part is checked against a strict pattern
 * before a key is built, so a key can never climb out of its store (no {@code ..}, no separators, no upper case).
 */
final class BlobKeys {

    private static final Pattern TENANT = Pattern.compile("[a-z][a-z0-9-]{1,39}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    /** Name of the record that describes the stored evidence; written last, so its presence means complete. */
    static final String INFO = "info";

    private BlobKeys() {
    }

    static String key(String tenantId, String sha256, String name) {
        String sha = sha256(sha256);
        return tenant(tenantId) + '/' + sha.substring(0, 2) + '/' + sha + '/' + name(name);
    }

    static String tenant(String tenantId) {
        if (tenantId == null || !TENANT.matcher(tenantId).matches()) {
            throw new IllegalArgumentException("tenant id must match " + TENANT.pattern());
        }
        return tenantId;
    }

    static String sha256(String sha256) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits");
        }
        return sha256;
    }

    /** Whether {@code sha256} is a well-formed content address (callers pass user input). */
    static boolean isSha256(String sha256) {
        return sha256 != null && SHA256.matcher(sha256).matches();
    }

    private static String name(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("bad key name");
        }
        return name;
    }

    static String rendition(org.gongzhi.core.evidence.Rendition rendition) {
        return rendition.name().toLowerCase(Locale.ROOT);
    }
}
