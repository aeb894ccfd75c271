package org.gongzhi.plugins.threecolour.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.gongzhi.plugin.api.InvalidInputException;

/**
 * 八员: the eight roles sunk into each Jizhou grid (在职党员、乡贤、志愿服务、群众代表、法治、城市管理、
 * 市场监管、消防安全). The last four come from functional departments and carry a department kind.
 */
enum Role {
    PARTY_MEMBER("在职党员", "Serving party member", null),
    LOCAL_SAGE("乡贤", "Local sage", null),
    VOLUNTEER("志愿者", "Volunteer", null),
    PUBLIC_REPRESENTATIVE("群众代表", "Public representative", null),
    /** 法治: judges, prosecutors, police officers and lawyers (三官一律); justice by default. */
    LEGAL("法治", "Legal", "JUSTICE"),
    CITY_MANAGEMENT("城市管理", "City management", "CITY_MANAGEMENT"),
    MARKET_SUPERVISION("市场监管", "Market supervision", "MARKET_SUPERVISION"),
    FIRE_SAFETY("消防安全", "Fire safety", "FIRE");

    private final String nameZh;
    private final String nameEn;
    private final String departmentKind;

    Role(String nameZh, String nameEn, String departmentKind) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.departmentKind = departmentKind;
    }

    String nameZh() {
        return nameZh;
    }

    String nameEn() {
        return nameEn;
    }

    /** Default department kind of a departmental role; null for the four community roles. */
    String departmentKind() {
        return departmentKind;
    }

    boolean departmental() {
        return departmentKind != null;
    }

    /** Parses {@code PARTY_MEMBER} (case and blanks ignored; {@code -} accepted for {@code _}). */
    static Role parse(String field, String text) {
        String v = Check.required(field, text, 40).toUpperCase(Locale.ROOT).replace('-', '_');
        try {
            return valueOf(v);
        } catch (IllegalArgumentException e) {
            String known = Arrays.stream(values()).map(Role::name).collect(Collectors.joining(", "));
            throw new InvalidInputException(field, "未知的角色 (unknown role " + text + "; one of " + known + ")");
        }
    }
}
