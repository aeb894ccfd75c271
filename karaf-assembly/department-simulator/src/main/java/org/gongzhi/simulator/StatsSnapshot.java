package org.gongzhi.simulator;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The simulator's figures at one moment, as {@code GET /admin/stats} shows them. {@code received} counts every
 * delivery (HTTP request to the dispatch path or dispatch file), {@code accepted} the dispatches taken on
 * (first successful delivery), {@code duplicates} the later deliveries of an accepted dispatch, and
 * {@code rejected} the refused deliveries by HTTP status ({@code refused} = connection closed while down).
 */
@JsonPropertyOrder({"received", "accepted", "duplicates", "rejected", "byDepartment", "byTenant", "files", "updates", "down"})
public record StatsSnapshot(long received, long accepted, long duplicates, Map<String, Long> rejected,
                            Map<String, Counts> byDepartment, Map<String, Counts> byTenant, Files files,
                            Updates updates, boolean down) {

    /** Figures of one department or tenant (only deliveries whose department or tenant was known). */
    @JsonPropertyOrder({"received", "accepted", "duplicates", "rejected"})
    public record Counts(long received, long accepted, long duplicates, Map<String, Long> rejected) {
    }

    /** Drop-folder files moved to {@code processed/} and to {@code error/}. */
    public record Files(long processed, long errors) {
    }

    /**
     * Progress updates: {@code planned} in all, {@code sent} (2xx or file written), {@code failed} (refused and
     * dropped), {@code pending} (neither yet), {@code retries} (attempts that will be repeated),
     * {@code sentByStatus} by update status.
     */
    @JsonPropertyOrder({"planned", "sent", "failed", "pending", "retries", "sentByStatus"})
    public record Updates(long planned, long sent, long failed, long pending, long retries, Map<String, Long> sentByStatus) {
    }
}
