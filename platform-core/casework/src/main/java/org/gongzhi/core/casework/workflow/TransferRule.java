package org.gongzhi.core.casework.workflow;

import java.util.Optional;
import java.util.Set;

import org.gongzhi.core.casework.CaseStatus;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.tenant.CategoryDefinition;
import org.gongzhi.core.tenant.MatterKind;

/**
 * The cross-district rule (跨区转办, seed 002, ADR 0037): a service matter belongs to the district where the
 * reporter lives, a rights matter to the district of their household registration. A category without a
 * {@link MatterKind} stays where it was filed, and so does a case whose reporter gave no district of the
 * city for its kind.
 */
public final class TransferRule {

    private TransferRule() {
    }

    /**
     * The district the rule sends a case to, empty when it stays in {@code filedIn}.
     *
     * @param category      the case's category in the filing district's definition
     * @param residence     where the reporter lives, may be {@code null}
     * @param household     the district of the reporter's household registration, may be {@code null}
     * @param cityDistricts the active districts of the filing district's city (with or without itself)
     */
    public static Optional<String> target(String filedIn, CategoryDefinition category, String residence,
                                          String household, Set<String> cityDistricts) {
        if (category == null || category.matterKind() == null) {
            return Optional.empty();
        }
        String district = category.matterKind() == MatterKind.SERVICE ? residence : household;
        if (district == null || district.equals(filedIn) || !cityDistricts.contains(district)) {
            return Optional.empty();
        }
        return Optional.of(district);
    }

    /** Whether a case in this status may be transferred: only before it is dispatched. */
    public static boolean transferable(CaseStatus status) {
        return status == CaseStatus.REPORTED || status == CaseStatus.REGISTERED;
    }

    /**
     * Checks a district the sender names: one of the city's other districts.
     *
     * @throws ValidationException naming {@code field} otherwise
     */
    public static String checkDistrict(String field, String district, String filedIn, Set<String> cityDistricts) {
        if (district == null || district.isBlank()) {
            throw new ValidationException(field, "必填项 (required): " + field);
        }
        if (district.equals(filedIn)) {
            throw new ValidationException(field, "不能转办给本区 (cannot transfer to the district itself)");
        }
        if (!cityDistricts.contains(district)) {
            throw new ValidationException(field, "不是本市的区 (not a district of this city): " + field);
        }
        return district;
    }

    /**
     * Checks a reporter's district (residence or household registration): {@code null} or blank means not
     * given; anything else must be a district of the city (this one included).
     *
     * @throws ValidationException naming {@code field} for any other value
     */
    public static String checkOrigin(String field, String district, Set<String> cityDistricts) {
        if (district == null || district.isBlank()) {
            return null;
        }
        if (!cityDistricts.contains(district)) {
            throw new ValidationException(field, "不是本市的区 (not a district of this city): " + field);
        }
        return district;
    }
}
