package org.gongzhi.core.service.dispatch;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.gongzhi.core.service.ValidationException;

/**
 * Progress reported by a department's system (部门回报) about one dispatch.
 *
 * @param updateId   the department's id of this update, unique per district; a repeat is a duplicate
 * @param dispatchId the dispatch it is about; either this or {@code caseId} is required
 * @param caseId     the case, when the department does not know the dispatch id
 * @param status     {@code accepted}, {@code in-progress}, {@code resolved} or {@code returned}
 * @param note       text; required by {@code returned} (why not ours) and {@code resolved} (the result)
 * @param photos     photo URLs (resolved: after photos)
 * @param at         when it happened at the department, {@code null} for now
 * @param sequence   the department's counter per dispatch, if it keeps one; an update with a
 *                   sequence not above the last applied one is out of order
 * @param actor      who reports, for the journal (e.g. {@code dept-cg})
 */
public record DepartmentUpdate(String updateId, UUID dispatchId, UUID caseId, String status, String note,
                               List<String> photos, Instant at, Long sequence, String actor) {
    public DepartmentUpdate {
        photos = photos == null ? List.of() : List.copyOf(photos);
    }

    /**
     * Reads an update sent as JSON (REST body or update file): {@code updateId}, {@code dispatchId}
     * or {@code caseId}, {@code status}, {@code note}, {@code photos} (array), {@code at} (ISO-8601
     * with offset), {@code sequence} (whole number).
     *
     * @throws ValidationException naming the field that is not JSON of the right type
     */
    public static DepartmentUpdate fromJson(byte[] json, String actor) {
        return org.gongzhi.core.service.dispatch.internal.DepartmentUpdateJson.read(json, actor);
    }
}
