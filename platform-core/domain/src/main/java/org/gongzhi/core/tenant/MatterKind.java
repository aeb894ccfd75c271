package org.gongzhi.core.tenant;

import java.util.Arrays;
import java.util.Optional;

/**
 * What kind of matter a category is for the cross-district rule (seed 002: "服务类事项以居住地为主，权益类事项以户籍地为主"):
 * a service matter belongs to the district where the reporter lives, a rights matter to the district of
 * their household registration (户籍). A category without a kind stays where it was filed.
 *
 * @since 1.4
 */
public enum MatterKind {
    /** 服务类 — handled where the reporter lives. */
    SERVICE("service"),
    /** 权益类 — handled where the reporter's household is registered. */
    RIGHTS("rights");

    private final String wireName;

    MatterKind(String wireName) {
        this.wireName = wireName;
    }

    /** The name in definition files and JSON: {@code service} or {@code rights}. */
    public String wireName() {
        return wireName;
    }

    /** The kind with this wire name. */
    public static Optional<MatterKind> fromWireName(String name) {
        return Arrays.stream(values()).filter(k -> k.wireName.equals(name)).findFirst();
    }
}
