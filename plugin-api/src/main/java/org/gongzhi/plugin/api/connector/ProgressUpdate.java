package org.gongzhi.plugin.api.connector;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Progress of one dispatch at the department, as a polling connector reports it.
 *
 * @param updateId   the department's id of this update, unique per district (e.g.
 *                   {@code <system>:<ticket>:<state>}); a repeat is a harmless duplicate
 * @param dispatchId the dispatch it is about; either this or {@code caseId} is required
 * @param caseId     the case, when the department system does not know the dispatch
 * @param status     {@code accepted}, {@code in-progress}, {@code resolved} or {@code returned}
 * @param note       text; required by {@code returned} (why not ours) and {@code resolved} (the result)
 * @param photos     photo URLs (http or https), possibly none
 * @param at         when it happened at the department, {@code null} for now
 * @param sequence   the department's counter per dispatch, {@code null} if it keeps none
 * @since 1.0
 */
public record ProgressUpdate(String updateId, UUID dispatchId, UUID caseId, String status, String note,
                             List<String> photos, Instant at, Long sequence) {
    public ProgressUpdate {
        Objects.requireNonNull(updateId, "updateId");
        Objects.requireNonNull(status, "status");
        photos = photos == null ? List.of() : List.copyOf(photos);
    }

    /** An update with neither photos, time nor sequence. */
    public static ProgressUpdate of(String updateId, UUID dispatchId, String status, String note) {
        return new ProgressUpdate(updateId, dispatchId, null, status, note, List.of(), null, null);
    }
}
