package org.gongzhi.core.tenant.internal;

import java.time.Duration;
import java.util.Set;

import org.gongzhi.core.tenant.DuplicatePolicy;

/**
 * Parses the {@code duplicates:} section of {@code tenant.yaml} (疑似重复件): {@code distanceMetres} (a
 * whole number), {@code window} (a duration such as {@code 72h}, {@code 3d}) and {@code threshold} (a
 * number); each optional with the default of {@link DuplicatePolicy#defaults()}. Errors name the field.
 */
public final class DuplicateParser {

    private static final Set<String> KEYS = Set.of("distanceMetres", "window", "threshold");

    private DuplicateParser() {
    }

    /** The policy of {@code section}: defaults when it is missing. */
    public static DuplicatePolicy parse(Field section) {
        DuplicatePolicy defaults = DuplicatePolicy.defaults();
        if (section.isMissing()) {
            return defaults;
        }
        section.requireObject(KEYS);
        int distance = defaults.distanceMetres();
        Field d = section.get("distanceMetres");
        if (!d.isMissing()) {
            double n = d.number(distance);
            if (n != Math.rint(n) || n < DuplicatePolicy.MIN_DISTANCE_METRES || n > DuplicatePolicy.MAX_DISTANCE_METRES) {
                throw d.error("must be a whole number of metres from " + DuplicatePolicy.MIN_DISTANCE_METRES + " to "
                        + DuplicatePolicy.MAX_DISTANCE_METRES + ", got " + d.node().asText());
            }
            distance = (int) n;
        }
        Duration window = defaults.window();
        Field w = section.get("window");
        if (!w.isMissing()) {
            window = w.parse(EmergencyParser::duration, "a duration between 1h and 30d such as 72h or 3d");
        }
        double threshold = defaults.threshold();
        Field t = section.get("threshold");
        if (!t.isMissing()) {
            threshold = t.number(threshold);
        }
        try {
            return new DuplicatePolicy(distance, window, threshold);
        } catch (IllegalArgumentException e) {
            throw section.error(e.getMessage(), e);
        }
    }
}
