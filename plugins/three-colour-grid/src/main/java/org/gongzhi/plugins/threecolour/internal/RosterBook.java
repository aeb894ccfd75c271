package org.gongzhi.plugins.threecolour.internal;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gongzhi.plugin.api.PluginRecord;
import org.gongzhi.plugin.api.RecordCollection;

/**
 * 一格八员 roster (花名册) of one tenant: who serves a grid in which of the eight roles. Records of
 * collection {@code roster}, id {@code <grid>:<memberId>}, refs {@code grid=<code>} and
 * {@code role=<ROLE>}. Inputs are validated by the caller.
 */
final class RosterBook {

    /** One person on a grid's roster. */
    record Member(String gridCode, String memberId, String name, Role role, String phone, String departmentKind,
                  String departmentCode) {
    }

    private final RecordCollection roster;

    RosterBook(RecordCollection roster) {
        this.roster = roster;
    }

    /** Creates or replaces the entry; the stored record has version 1 when it is new. */
    PluginRecord put(Member m) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("gridCode", m.gridCode());
        data.put("memberId", m.memberId());
        data.put("name", m.name());
        data.put("role", m.role().name());
        data.put("phone", m.phone());
        data.put("departmentKind", m.departmentKind());
        data.put("departmentCode", m.departmentCode());
        return roster.put(id(m.gridCode(), m.memberId()), data,
                List.of("grid=" + m.gridCode(), "role=" + m.role().name()), null);
    }

    /** The grid's members in role order (the order of {@link Role}), then by member id. */
    List<Member> members(String grid) {
        return Records.all(roster, "grid=" + grid).stream().map(RosterBook::member)
                .sorted(Comparator.comparing(Member::role).thenComparing(Member::memberId)).toList();
    }

    Optional<Member> member(String grid, String memberId) {
        return roster.get(id(grid, memberId)).map(RosterBook::member);
    }

    boolean remove(String grid, String memberId) {
        return roster.delete(id(grid, memberId));
    }

    private static String id(String grid, String memberId) {
        return grid + ":" + memberId;
    }

    private static Member member(PluginRecord r) {
        Map<String, Object> d = r.data();
        return new Member(Records.text(d, "gridCode"), Records.text(d, "memberId"), Records.text(d, "name"),
                Role.valueOf(Records.text(d, "role")), Records.text(d, "phone"), Records.text(d, "departmentKind"),
                Records.text(d, "departmentCode"));
    }
}
