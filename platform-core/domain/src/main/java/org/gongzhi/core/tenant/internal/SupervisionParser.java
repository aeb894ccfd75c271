package org.gongzhi.core.tenant.internal;

import java.time.Duration;
import java.util.Set;

import org.gongzhi.core.tenant.SupervisionPolicy;

/**
 * Parses the {@code supervision:} section of {@code tenant.yaml} (督办规则): {@code escalateAfterOverdue}
 * and {@code answerWithin} (durations such as {@code 3d}, {@code 36h}, {@code PT12H}) and
 * {@code escalateAfterReworks} (a whole number); each optional with the default of
 * {@link SupervisionPolicy#defaults()}. Every error names the file and the field.
 */
public final class SupervisionParser {

    private static final Set<String> KEYS = Set.of("escalateAfterOverdue", "escalateAfterReworks", "answerWithin");
    private static final String DURATION = "a duration between 1h and 30d such as 36h, 3d or PT12H";

    private SupervisionParser() {
    }

    /** The policy of {@code section}: defaults when it is missing. */
    public static SupervisionPolicy parse(Field section) {
        SupervisionPolicy defaults = SupervisionPolicy.defaults();
        if (section.isMissing()) {
            return defaults;
        }
        section.requireObject(KEYS);
        Duration overdue = duration(section.get("escalateAfterOverdue"), defaults.escalateAfterOverdue());
        Duration answer = duration(section.get("answerWithin"), defaults.answerWithin());
        int reworks = defaults.escalateAfterReworks();
        Field r = section.get("escalateAfterReworks");
        if (!r.isMissing()) {
            double n = r.number(reworks);
            if (n != Math.rint(n) || n < 1 || n > SupervisionPolicy.MAX_REWORKS) {
                throw r.error("must be a whole number from 1 to " + SupervisionPolicy.MAX_REWORKS + ", got "
                        + r.node().asText());
            }
            reworks = (int) n;
        }
        return new SupervisionPolicy(overdue, reworks, answer);
    }

    private static Duration duration(Field f, Duration fallback) {
        if (f.isMissing()) {
            return fallback;
        }
        Duration d = f.parse(EmergencyParser::duration, DURATION);
        if (d.compareTo(SupervisionPolicy.MIN_DURATION) < 0 || d.compareTo(SupervisionPolicy.MAX_DURATION) > 0) {
            throw f.error("must be " + DURATION + ", got \"" + f.text(true) + "\"");
        }
        return d;
    }
}
