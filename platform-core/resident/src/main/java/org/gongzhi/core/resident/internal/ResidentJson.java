package org.gongzhi.core.resident.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The wire forms of the resident page's API (bodies read and answers written by the platform's JSON
 * provider: unknown fields refused, absent values left out). The answers never carry the reporter's
 * phone or name, nor internal notes.
 */
public final class ResidentJson {

    private ResidentJson() {
    }

    // ---- bodies ----

    /** {@code POST …/codes}. */
    public record CodeRequest(String phone) {
    }

    /** {@code POST …/sessions}. */
    public record SignIn(String phone, String code) {
    }

    /** {@code POST …/reports}. */
    public record NewReport(String categoryCode, String description, Double longitude, Double latitude, String address,
                            String gridCode, String channel, List<String> evidence, Boolean publicConsent,
                            Boolean keepCaptureFacts) {
    }

    /** {@code POST …/reports/{id}/rating}. */
    public record Rating(Integer score, String comment) {
    }

    /** {@code POST …/reports/{id}/reopen}. */
    public record Reopen(String reason) {
    }

    // ---- answers ----

    public record Point(double longitude, double latitude) {
    }

    public record Category(String code, String name, String family, String familyName, String icon) {
    }

    /** {@code GET /api/v1/resident/{tenant}}: what the page needs to start. */
    public record District(String id, String name, Point center, int reopenDays, List<Category> categories,
                           List<String> channels) {
    }

    public record GridStep(String code, String name, String level) {
    }

    /** {@code GET …/grids/{code}}: the grid a QR code presets, with its path from the district. */
    public record Grid(String code, String name, String level, List<GridStep> path) {
    }

    public record CodeSent(int expiresInSeconds, int resendAfterSeconds) {
    }

    public record Session(String token, Instant expiresAt) {
    }

    public record Created(UUID id, String number, String status, Instant reportedAt) {
    }

    /** One of the resident's own reports in the list. */
    public record ReportItem(UUID id, String number, String categoryCode, String categoryName, String title, String status,
                             String statusName, Instant reportedAt, Instant closedAt, Integer satisfaction,
                             boolean canRate, boolean canReopen, String thumbnailUrl) {
    }

    public record ReportPage(List<ReportItem> items, long total) {
    }

    public record PublicNote(Instant at, String text) {
    }

    public record Photo(UUID id, String url, String thumbnailUrl, String stage) {
    }

    /** One of the resident's own reports in full. */
    public record Report(UUID id, String number, String categoryCode, String categoryName, String title, String status,
                         String statusName, Instant reportedAt, Instant closedAt, Integer satisfaction,
                         boolean canRate, boolean canReopen, String thumbnailUrl, String description, String address,
                         String gridName, List<PublicNote> publicNotes, List<Photo> photos, Instant reopenUntil) {
    }
}
