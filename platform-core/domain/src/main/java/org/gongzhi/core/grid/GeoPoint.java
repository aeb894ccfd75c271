package org.gongzhi.core.grid;

/**
 * A position as sent by the client (WGS-84 from GPS, or GCJ-02 from Chinese map SDKs); it is
 * <em>not</em> converted between datums here, so boundaries must use the same datum as the
 * clients of the tenant.
 *
 * @param longitude degrees east, in [-180, 180]
 * @param latitude  degrees north, in [-90, 90]
 * @throws InvalidCoordinateException if a value is NaN, infinite or out of range
 */
public record GeoPoint(double longitude, double latitude) {

    /** Validates both coordinates. */
    public GeoPoint {
        check("longitude", longitude, 180.0);
        check("latitude", latitude, 90.0);
    }

    private static void check(String field, double v, double limit) {
        if (!Double.isFinite(v)) {
            throw new InvalidCoordinateException(field, v, field + " must be a finite number: " + v);
        }
        if (v < -limit || v > limit) {
            throw new InvalidCoordinateException(field, v,
                    field + " must be in [" + (-limit) + ", " + limit + "]: " + v);
        }
    }
}
