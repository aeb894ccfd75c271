package org.gongzhi.core.service.dispatch;

import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.tenant.ResponsibilityList;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The districts' responsibility lists (责任清单 / 派单目录) in force: the one the district's administrator
 * saved last, else the list of the district's definition ({@code responsibility.yaml}). A replacement
 * holds for the next registration on every platform node, without a restart (ADR 0033).
 *
 * @since 1.1
 */
@ProviderType
public interface ResponsibilityLists {

    /** The list in force in {@code tenant}. */
    ResponsibilityList current(String tenant);

    /**
     * Replaces the whole list of {@code tenant}.
     *
     * @throws ValidationException naming the field (e.g. {@code entries[2].leadDepartment}) when a line names
     *                             a category, grid or department the district lacks, or repeats one
     */
    ResponsibilityList replace(String tenant, ResponsibilityList list, String actor);
}
