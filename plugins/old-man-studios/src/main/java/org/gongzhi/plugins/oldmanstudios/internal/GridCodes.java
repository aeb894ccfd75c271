package org.gongzhi.plugins.oldmanstudios.internal;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Hierarchical grid codes (网格编码): district 6 digits, street/town 3, community/village 3,
 * grid 3, building/villager group 2 — each code is its parent's code plus its own number.
 */
final class GridCodes {

    static final int DISTRICT = 6;
    static final int STREET = 9;
    static final int VILLAGE = 12;
    static final int GRID = 15;
    static final int BUILDING = 17;

    private static final Pattern CODE = Pattern.compile("\\d{6}|\\d{9}|\\d{12}|\\d{15}|\\d{17}");

    private GridCodes() {
    }

    /** Whether {@code code} has the shape of a grid code of any level. */
    static boolean isGridCode(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    /** Whether {@code code} is a community/village code (社区/村, 12 digits). */
    static boolean isVillageCode(String code) {
        return isGridCode(code) && code.length() == VILLAGE;
    }

    /**
     * The community/village (社区/村) a code lies in, found by walking up the hierarchy: the code
     * itself for a village, its 12-digit prefix below; empty for street and district codes and
     * for malformed codes.
     */
    static Optional<String> village(String code) {
        return ancestor(code, VILLAGE);
    }

    /** The street/town (街道/镇) a code lies in: its 9-digit prefix; empty above street level. */
    static Optional<String> street(String code) {
        return ancestor(code, STREET);
    }

    private static Optional<String> ancestor(String code, int length) {
        if (!isGridCode(code) || code.length() < length) {
            return Optional.empty();
        }
        return Optional.of(code.substring(0, length));
    }
}
