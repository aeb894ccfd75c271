package org.gongzhi.plugins.oldmanstudios.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gongzhi.plugin.api.DistrictFacts;
import org.gongzhi.plugin.api.PluginRecord;

/**
 * Who mediates a dispute (分派规则). In rural towns the studio of the dispute's village: the village
 * is the node of level community on the path to the dispute's grid in the district's grid tree, and
 * its oldest registered studio is taken.
 * Where the village has no studio (urban streets), a third-party mediation organisation whose
 * speciality is the dispute's type, else any organisation; the oldest registered one in each case.
 */
final class AssignmentRule {

    static final String STUDIO = "studio";
    static final String ORGANISATION = "organisation";

    /** The studio of the dispute's village. */
    static final String RULE_VILLAGE = "village-studio";
    /** An organisation of the dispute type's speciality. */
    static final String RULE_SPECIALITY = "speciality";
    /** No organisation of that speciality: any organisation. */
    static final String RULE_ANY = "any-organisation";
    /** Named by the operator (改派). */
    static final String RULE_EXPLICIT = "explicit";

    private final Registry studios;
    private final Registry organisations;

    AssignmentRule(Registry studios, Registry organisations) {
        this.studios = studios;
        this.organisations = organisations;
    }

    /**
     * The assignee by the rule: {@code kind}, {@code id}, {@code name}, {@code rule}.
     *
     * @param district the district's facts (the grid tree), null when none are known: no village then
     * @throws javax.ws.rs.ClientErrorException 409 when there is neither a studio for the village nor any organisation
     */
    Map<String, Object> choose(String tenant, DistrictFacts district, String grid, DisputeType type) {
        Optional<String> village = Places.village(district, grid);
        if (village.isPresent()) {
            List<PluginRecord> ofVillage = studios.list(tenant, "village=" + village.get());
            if (!ofVillage.isEmpty()) {
                return assignee(STUDIO, ofVillage.get(0), RULE_VILLAGE);
            }
        }
        List<PluginRecord> specialists = organisations.list(tenant, "speciality=" + type.wire());
        if (!specialists.isEmpty()) {
            return assignee(ORGANISATION, specialists.get(0), RULE_SPECIALITY);
        }
        List<PluginRecord> any = organisations.list(tenant, null);
        if (!any.isEmpty()) {
            return assignee(ORGANISATION, any.get(0), RULE_ANY);
        }
        throw Problems.conflict("本村没有老倌俚工作室，本区也没有第三方调解组织，无法分派",
                "no studio for the dispute's village and no mediation organisation in the district");
    }

    /** The assignee the operator named: exactly one of the two ids, which must exist (400 otherwise). */
    Map<String, Object> named(String tenant, String studioId, String organisationId) {
        boolean studio = studioId != null && !studioId.isBlank();
        boolean organisation = organisationId != null && !organisationId.isBlank();
        if (studio && organisation) {
            throw Problems.invalid("organisationId", "只能指定一个工作室或一个调解组织（studioId 或 organisationId）",
                    "name either a studio or an organisation");
        }
        if (studio) {
            return assignee(STUDIO, existing(tenant, studios, "studioId", studioId.trim()), RULE_EXPLICIT);
        }
        return assignee(ORGANISATION, existing(tenant, organisations, "organisationId", organisationId.trim()), RULE_EXPLICIT);
    }

    private static PluginRecord existing(String tenant, Registry registry, String field, String id) {
        return registry.find(tenant, id).orElseThrow(() ->
                Problems.invalid(field, "指定的调解组织不存在", "no such studio or organisation"));
    }

    private static Map<String, Object> assignee(String kind, PluginRecord record, String rule) {
        return Records.of("kind", kind, "id", record.id(), "name", Records.str(record.data(), "name"), "rule", rule);
    }
}
