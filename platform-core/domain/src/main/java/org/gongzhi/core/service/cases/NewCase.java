package org.gongzhi.core.service.cases;

import java.util.List;

import org.gongzhi.core.casework.Channel;

/**
 * A case as reported at intake (上报). Only {@code title}, {@code categoryCode} and
 * {@code channel} are required; the grid is taken from {@code gridCode} or, failing that,
 * located from the coordinates. {@code reporterName}, {@code reporterPhone} and
 * {@code reporterEmail} are personal data: shown to staff, never to the public.
 *
 * @param idempotencyKey client-chosen key; a second intake with the same key in the same
 *                       tenant returns the first case instead of creating another
 * @param reporterEmail  the reporter's e-mail address, if given
 * @param addressId      the reporting system's identifier of the address (Open311 {@code address_id}), if any
 * @param publicConsent  whether the resident agreed to publish the report ({@code null}: not asked, no);
 *                       decides {@link org.gongzhi.core.casework.Channel#publicAtIntake} for the resident
 *                       channels and is ignored by the others (since 1.6)
 */
public record NewCase(String title, String description, String categoryCode, Channel channel,
                      Double longitude, Double latitude, String address, String gridCode,
                      String reporterName, String reporterPhone, List<String> attachments,
                      String idempotencyKey, String reporterEmail, String addressId, Boolean publicConsent) {
    public NewCase {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A case without the resident's consent to publication (the form before 1.6). */
    public NewCase(String title, String description, String categoryCode, Channel channel,
                   Double longitude, Double latitude, String address, String gridCode,
                   String reporterName, String reporterPhone, List<String> attachments,
                   String idempotencyKey, String reporterEmail, String addressId) {
        this(title, description, categoryCode, channel, longitude, latitude, address, gridCode, reporterName,
                reporterPhone, attachments, idempotencyKey, reporterEmail, addressId, null);
    }

    /** A case without e-mail address and address id. */
    public NewCase(String title, String description, String categoryCode, Channel channel,
                   Double longitude, Double latitude, String address, String gridCode,
                   String reporterName, String reporterPhone, List<String> attachments,
                   String idempotencyKey) {
        this(title, description, categoryCode, channel, longitude, latitude, address, gridCode, reporterName,
                reporterPhone, attachments, idempotencyKey, null, null, null);
    }

    /** The same case with another idempotency key. */
    public NewCase withIdempotencyKey(String key) {
        return new NewCase(title, description, categoryCode, channel, longitude, latitude, address, gridCode,
                reporterName, reporterPhone, attachments, key, reporterEmail, addressId, publicConsent);
    }
}
