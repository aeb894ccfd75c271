package org.gongzhi.core.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.Test;

public class GeoPointTest {

    @Test
    public void acceptsTheRange() {
        GeoPoint p = new GeoPoint(115.89, 28.68);
        assertThat(p.longitude()).isEqualTo(115.89);
        assertThat(p.latitude()).isEqualTo(28.68);
        new GeoPoint(-180, -90);
        new GeoPoint(180, 90);
    }

    @Test
    public void rejectsBadValuesNamingTheField() {
        assertThat(field(() -> new GeoPoint(180.0001, 0))).isEqualTo("longitude");
        assertThat(field(() -> new GeoPoint(-181, 0))).isEqualTo("longitude");
        assertThat(field(() -> new GeoPoint(Double.NaN, 0))).isEqualTo("longitude");
        assertThat(field(() -> new GeoPoint(0, 90.5))).isEqualTo("latitude");
        assertThat(field(() -> new GeoPoint(0, Double.NEGATIVE_INFINITY))).isEqualTo("latitude");
        // swapped order (lat, lon) is caught when the latitude is out of range
        InvalidCoordinateException e = catchThrowableOfType(InvalidCoordinateException.class,
                () -> new GeoPoint(28.68, 115.89));
        assertThat(e.field()).isEqualTo("latitude");
        assertThat(e.value()).isEqualTo(115.89);
        assertThat(e).hasMessageContaining("latitude").isInstanceOf(IllegalArgumentException.class);
    }

    private static String field(Runnable r) {
        return catchThrowableOfType(InvalidCoordinateException.class, r::run).field();
    }
}
