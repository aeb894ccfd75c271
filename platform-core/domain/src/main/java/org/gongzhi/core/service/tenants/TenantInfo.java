package org.gongzhi.core.service.tenants;

import java.time.Instant;

import org.gongzhi.core.tenant.TenantDefinition;

/**
 * A district as the city administrator sees it.
 *
 * @param definition      its definition
 * @param status          active or suspended
 * @param createdAt       when it was first created on the platform
 * @param statusChangedAt when it was last suspended or resumed, {@code null} if never
 * @param statusReason    why it was suspended, {@code null} if not given or active
 * @param cases           how many cases it holds
 * @param identity        the last identity provisioning of its realm
 */
public record TenantInfo(TenantDefinition definition, TenantStatus status, Instant createdAt,
                         Instant statusChangedAt, String statusReason, long cases, IdentityState identity) {

    /**
     * Outcome of the last identity provisioning on this node.
     *
     * @param state  {@code PROVISIONED}, {@code FAILED}, {@code NOT_CONFIGURED} (no identity
     *               server configured) or {@code UNKNOWN} (not provisioned since start)
     * @param detail what was created, or the error; may be empty
     * @param at     when, {@code null} for {@code UNKNOWN}/{@code NOT_CONFIGURED}
     */
    public record IdentityState(String state, String detail, Instant at) {
        /** Not provisioned since this node started. */
        public static final IdentityState UNKNOWN = new IdentityState("UNKNOWN", "", null);
    }
}
