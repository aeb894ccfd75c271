package org.gongzhi.core.service.cases;

import java.time.Instant;

import org.gongzhi.core.casework.CaseStatus;

/**
 * One case as a line of an export (导出): the facts a list shows, never the reporter's name, phone or
 * e-mail address. {@code leadDepartment}, {@code dueAt} and {@code closedAt} are {@code null} until the
 * case is dispatched, registered and closed.
 *
 * @since 2.1
 */
public record CaseLine(String number, String title, String categoryCode, String gridCode, CaseStatus status,
                       String leadDepartment, Instant reportedAt, Instant dueAt, Instant closedAt) {

    /** The line of a case. */
    public static CaseLine of(CaseView v) {
        return new CaseLine(v.number(), v.title(), v.categoryCode(), v.gridCode(), v.status(), v.leadDepartment(),
                v.reportedAt(), v.dueAt(), v.closedAt());
    }
}
