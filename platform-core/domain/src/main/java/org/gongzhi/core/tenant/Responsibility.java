package org.gongzhi.core.tenant;

import java.util.List;

import org.gongzhi.core.casework.SlaTier;

/**
 * One line of a district's responsibility list (责任清单 / 派单目录): who handles a category, optionally
 * only inside one grid area.
 *
 * @param categoryCode   a leaf category ({@code CM0101}) or a major category standing for all its minors
 *                       ({@code CM01})
 * @param gridCode       a grid of the district: the line applies to cases in that grid or below it;
 *                       {@code null} for the whole district
 * @param leadDepartment code of the lead department (牵头部门)
 * @param coDepartments  codes of the co-handling departments (协办部门), none equal to the lead; may be empty
 * @param tier           the tier a registration takes when neither the registrar nor a plugin's triage
 *                       names one; {@code null} keeps the category's tier
 * @since 1.4
 */
public record Responsibility(String categoryCode, String gridCode, String leadDepartment, List<String> coDepartments,
                             SlaTier tier) {

    /** Copies the co-handling departments. */
    public Responsibility {
        coDepartments = coDepartments == null ? List.of() : List.copyOf(coDepartments);
    }

    /** Whether this line covers {@code categoryCode} in the grid path {@code gridPath} ({@code a/b/c}). */
    boolean covers(String categoryCode, String gridPath) {
        if (categoryCode == null || !categoryCode.startsWith(this.categoryCode)) {
            return false;
        }
        return gridCode == null || (gridPath != null && List.of(gridPath.split("/")).contains(gridCode));
    }
}
