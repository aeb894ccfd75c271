package org.gongzhi.core.casework;

import java.util.Optional;

/**
 * Intake channel (事件来源) of a case. The wire name is the constant name in lower case with
 * {@code _} replaced by {@code -}: {@code grid-worker}, {@code resident-app}, {@code qr-code},
 * {@code hotline}, {@code department}, {@code open311}, {@code video}.
 */
public enum Channel {
    /** 网格员上报 — reported by a grid worker's handset. */
    GRID_WORKER("网格员上报", "Grid worker"),
    /** 随手拍 — photo taken by a resident in the app (Nanchang). */
    RESIDENT_APP("随手拍", "Resident app"),
    /** 码上办 — resident scanned a QR code (Jizhou). */
    QR_CODE("码上办", "QR code"),
    /** 12345热线 — the citizen hotline (also 12343). */
    HOTLINE("12345热线", "Hotline"),
    /** 部门移交 — handed over by a functional department. */
    DEPARTMENT("部门移交", "Department"),
    /** Open311 GeoReport v2 API client. */
    OPEN311("Open311", "Open311"),
    /** 视频发现 — video alert. */
    VIDEO("视频发现", "Video");

    private final String labelZh;
    private final String labelEn;
    private final String wireName;

    Channel(String labelZh, String labelEn) {
        this.labelZh = labelZh;
        this.labelEn = labelEn;
        this.wireName = WireNames.of(this);
    }

    /** Wire name, e.g. {@code grid-worker}. */
    public String wireName() {
        return wireName;
    }

    /** Chinese label. */
    public String labelZh() {
        return labelZh;
    }

    /** English label. */
    public String labelEn() {
        return labelEn;
    }

    /**
     * Whether a case reported through this channel is public (公开): listed with its description
     * on the public Open311 endpoint. Decided once at intake and kept on the case.
     * <ul>
     * <li>{@link #OPEN311}: always — the client published it itself;</li>
     * <li>{@link #RESIDENT_APP}, {@link #QR_CODE}: only when the resident agreed to publication;</li>
     * <li>every other channel (hotline, grid worker, department, video): never — the report was made
     *     to the authority, not to the public.</li>
     * </ul>
     *
     * @param reporterAgreed whether the resident agreed to publish their report (ignored by other channels)
     * @since 0.1 (issue 12)
     */
    public boolean publicAtIntake(boolean reporterAgreed) {
        return switch (this) {
            case OPEN311 -> true;
            case RESIDENT_APP, QR_CODE -> reporterAgreed;
            default -> false;
        };
    }

    /** Parses a wire name (blanks and case ignored); empty for {@code null} or unknown. */
    public static Optional<Channel> fromWireName(String wireName) {
        return WireNames.lookup(values(), Channel::wireName, wireName);
    }
}
