package org.gongzhi.plugins.oldmanstudios.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gongzhi.plugin.api.DistrictFacts;

/** Request bodies of the dispute endpoints; dates are {@code yyyy-MM-dd}. */
public final class DisputeBodies {

    static final String APPLICANT = "applicant";
    static final String RESPONDENT = "respondent";

    private DisputeBodies() {
    }

    /** A party (当事人): {@code role} is {@code applicant} (申请人) or {@code respondent} (被申请人). */
    public record Party(String name, String role, String phone) {
    }

    /** Registration (登记); with {@code caseId} the dispute is linked to that case. */
    public record NewDispute(String caseId, List<Party> parties, String type, String grid, Long valueYuan,
                             String description, String registeredOn) {
    }

    /** Completing or correcting a registration (e.g. a draft made from a case). */
    public record Details(List<Party> parties, String type, String grid, Long valueYuan, String description) {
    }

    /** Assignment (分派): empty for the rule, or exactly one of the ids to name the assignee (改派). */
    public record Assignment(String studioId, String organisationId, String reason) {
    }

    /** A mediation session (调解会): parties present by name, mediators by name, experts by pool id. */
    public record Session(String date, List<String> partiesPresent, List<String> mediators, List<String> expertIds,
                          String notes) {
    }

    /** A mediation agreement (调解协议) with its terms and the planned follow-up date. */
    public record Agreement(String date, String text, List<String> terms, String followUpDate) {
    }

    /** Mediation failed (调解不成). */
    public record Failure(String date, String reason) {
    }

    /** One rung up the ladder; {@code organisationId} names the organisation for level {@code organisation}. */
    public record Escalation(String level, String date, String organisationId, String note) {
    }

    /** Follow-up visit (回访) after an agreement. */
    public record FollowUp(String date, Boolean honoured, String note) {
    }

    /**
     * Validates the registration details and returns them as record data: {@code parties}, {@code type},
     * {@code grid}, {@code village}, {@code street}, {@code valueYuan}, {@code description}. The grid must be
     * a node of the district's grid tree ({@code district}, null: none is known).
     */
    static Map<String, Object> details(DistrictFacts district, List<Party> parties, String type, String grid,
                                       Long valueYuan, String description) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("parties", parties(parties));
        DisputeType valid = Inputs.choice("type", DisputeType.class, type);
        data.put("type", valid.wire());
        data.put("typeZh", valid.labelZh());
        String place = Inputs.text("grid", grid, 17);
        if (!Places.known(district, place)) {
            throw Problems.invalid("grid", "本区网格树中没有这个网格编码", "no such grid code in the district's grid tree");
        }
        data.putAll(place(district, place));
        Long value = Inputs.number("valueYuan", valueYuan, 0, 1_000_000_000_000L, false);
        if (value != null) {
            data.put("valueYuan", value);
        }
        data.put("description", Inputs.text("description", description, 2000));
        return data;
    }

    /**
     * {@code grid} and, where the node lies at or below them in the district's tree, its {@code village}
     * (community level) and {@code street}.
     */
    static Map<String, Object> place(DistrictFacts district, String grid) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("grid", grid);
        Places.village(district, grid).ifPresent(v -> data.put("village", v));
        Places.street(district, grid).ifPresent(s -> data.put("street", s));
        return data;
    }

    private static List<Map<String, Object>> parties(List<Party> parties) {
        List<Party> list = Inputs.list("parties", parties, 1, 50);
        List<Map<String, Object>> valid = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> roles = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "parties[" + i + "].";
            Party p = list.get(i);
            String name = Inputs.text(at + "name", p.name(), 50);
            if (!names.add(name)) {
                throw Problems.invalid(at + "name", "当事人不能重名", "parties need distinct names");
            }
            String role = Inputs.text(at + "role", p.role(), 20);
            if (!APPLICANT.equals(role) && !RESPONDENT.equals(role)) {
                throw Problems.invalid(at + "role", "应为 applicant（申请人）或 respondent（被申请人）",
                        "use applicant or respondent");
            }
            roles.add(role);
            valid.add(Records.of("name", name, "role", role, "phone", Inputs.phone(at + "phone", p.phone(), false)));
        }
        if (roles.size() < 2) {
            throw Problems.invalid("parties", "至少需要一名申请人和一名被申请人", "at least one applicant and one respondent");
        }
        return valid;
    }
}
