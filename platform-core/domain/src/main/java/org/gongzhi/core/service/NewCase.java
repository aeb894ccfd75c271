package org.gongzhi.core.service;

import java.util.List;

/**
 * A case as reported at intake (上报). Only {@code title}, {@code categoryCode} and
 * {@code channel} are required; the grid is taken from {@code gridCode} or, failing that,
 * located from the coordinates.
 *
 * @param idempotencyKey client-chosen key; a second intake with the same key in the same
 *                       tenant returns the first case instead of creating another
 */
public record NewCase(String title, String description, String categoryCode, String channel,
                      Double longitude, Double latitude, String address, String gridCode,
                      String reporterName, String reporterPhone, List<String> attachments,
                      String idempotencyKey) {
    public NewCase {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
