package org.gongzhi.core.persistence.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Where duplicates and repeats are looked for (V24, ADR 0034): the 0.002° cells of {@code case_record.geo_cell}
 * (its SQL expression and {@link #cell} must stay equal), the 0.0005° cells of the repeat index (V29,
 * {@link #REPEAT_CELL} and {@link #aroundForRepeats}), the distance between two points and the hash of a
 * phone number that repeat complaints compare. Pure.
 */
final class GeoCells {

    /** Cells per degree. */
    static final int PER_DEGREE = 500;
    /** Cells per degree of the repeat index (V29). */
    static final int REPEAT_PER_DEGREE = 2000;
    /** The repeat index's cell of a row, exactly as V29 indexes it. */
    static final String REPEAT_CELL = "(floor(latitude * 2000)::bigint * 1000000 + floor(longitude * 2000)::bigint)";
    /** Metres per degree of latitude (mean). */
    static final double METRES_PER_DEGREE = 111_195.0;
    private static final double EARTH_RADIUS = 6_371_000.0;
    private static final String EARTH_RADIUS_SQL = "6371000.0";

    private GeoCells() {
    }

    /** The cell of a point, as V24 computes {@code geo_cell}. */
    static long cell(double latitude, double longitude) {
        return (long) Math.floor(latitude * PER_DEGREE) * 1_000_000L + (long) Math.floor(longitude * PER_DEGREE);
    }

    /** Every cell that holds a point within {@code metres} of the given one. */
    static long[] around(double latitude, double longitude, int metres) {
        return around(latitude, longitude, metres, PER_DEGREE);
    }

    /** Every cell of the repeat index ({@link #REPEAT_CELL}) that holds a point within {@code metres}. */
    static long[] aroundForRepeats(double latitude, double longitude, int metres) {
        return around(latitude, longitude, metres, REPEAT_PER_DEGREE);
    }

    private static long[] around(double latitude, double longitude, int metres, int perDegree) {
        double cellMetres = METRES_PER_DEGREE / perDegree;
        double cos = Math.max(0.01, Math.cos(Math.toRadians(latitude)));
        int kLat = (int) Math.ceil(metres / cellMetres);
        int kLon = (int) Math.ceil(metres / (cellMetres * cos));
        long lat0 = (long) Math.floor(latitude * perDegree);
        long lon0 = (long) Math.floor(longitude * perDegree);
        long[] cells = new long[(2 * kLat + 1) * (2 * kLon + 1)];
        int n = 0;
        for (long i = lat0 - kLat; i <= lat0 + kLat; i++) {
            for (long j = lon0 - kLon; j <= lon0 + kLon; j++) {
                cells[n++] = i * 1_000_000L + j;
            }
        }
        return cells;
    }

    /**
     * {@link #metres} in SQL, from a row's {@code latitude}/{@code longitude} to a point given as three parameters:
     * its latitude, its latitude again, its longitude (null when the row has no place).
     */
    static final String METRES_TO_POINT = "2 * " + EARTH_RADIUS_SQL + " * asin(least(1, sqrt("
            + "power(sin(radians(latitude - ?) / 2), 2)"
            + " + cos(radians(?)) * cos(radians(latitude)) * power(sin(radians(longitude - ?) / 2), 2))))";

    /** Great-circle distance in metres (haversine). */
    static double metres(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /**
     * SHA-256 (hex) of the phone's digits, as V24 backfilled it; null without digits. The phone itself is
     * never compared or logged.
     */
    static String phoneHash(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[^0-9]", "");
        if (digits.isEmpty()) {
            return null;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(digits.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
