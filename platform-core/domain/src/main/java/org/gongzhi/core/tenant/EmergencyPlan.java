package org.gongzhi.core.tenant;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.gongzhi.core.calendar.SlaPolicy;
import org.gongzhi.core.casework.CategoryFamily;
import org.gongzhi.core.casework.SlaTier;
import org.gongzhi.core.casework.WireNames;

/**
 * A district's emergency plan (应急预案): what changes while its centre runs in wartime (战时) and is
 * the command post (指挥部, seed 004). Read from the optional {@code emergency:} section of
 * {@code tenant.yaml}; {@link #defaults(SlaPolicy)} when the section is absent. Immutable.
 *
 * <p>The plan applies to a case whose clock starts (registration) while the district is in
 * wartime: its due time is the registration time plus {@link #limit(SlaTier)}, wall clock, unless
 * the normal rules give an earlier one. Cases registered before a switch keep their due time.
 *
 * @param limits                the wartime time limit of every {@link SlaTier}, wall clock (positive)
 * @param commandPostCategories what goes straight to the command post in wartime: category codes
 *                              (a leaf, or a major standing for its minors) and family wire names
 *                              (e.g. {@code comprehensive-governance}); family names in any letter
 *                              case and with {@code _} are taken as wire names; no duplicates
 * @param roster                the duty roster (值班表): staff on duty in wartime, in shift order
 * @since 1.3
 */
public record EmergencyPlan(Map<SlaTier, Duration> limits, List<String> commandPostCategories, List<Duty> roster) {

    /** The default wartime limits: simple 30 minutes, coordination 24 hours, difficult 72 hours. */
    public static final Map<SlaTier, Duration> DEFAULT_LIMITS = Collections.unmodifiableMap(new EnumMap<>(Map.of(
            SlaTier.SIMPLE, Duration.ofMinutes(30),
            SlaTier.COORDINATION, Duration.ofHours(24),
            SlaTier.DIFFICULT, Duration.ofHours(72))));

    /** Longest wartime limit: 30 days. */
    public static final Duration MAX_LIMIT = Duration.ofDays(30);

    /** Validates and copies the components; family names become wire names. */
    public EmergencyPlan {
        Objects.requireNonNull(limits, "limits");
        EnumMap<SlaTier, Duration> copy = new EnumMap<>(SlaTier.class);
        for (SlaTier tier : SlaTier.values()) {
            Duration d = limits.get(tier);
            if (d == null) {
                throw new IllegalArgumentException("limits." + tier.wireName() + " is missing");
            }
            if (d.isZero() || d.isNegative() || d.compareTo(MAX_LIMIT) > 0) {
                throw new IllegalArgumentException("limits." + tier.wireName() + " must be positive and at most "
                        + MAX_LIMIT.toDays() + " days: " + d);
            }
            copy.put(tier, d);
        }
        limits = Collections.unmodifiableMap(copy);
        Set<String> targets = new LinkedHashSet<>();
        for (String entry : commandPostCategories == null ? List.<String>of() : commandPostCategories) {
            String target = normalTarget(entry);
            if (!targets.add(target)) {
                throw new IllegalArgumentException("commandPostCategories lists " + target + " twice");
            }
        }
        commandPostCategories = List.copyOf(targets);
        roster = roster == null ? List.of() : List.copyOf(roster);
    }

    /**
     * The plan of a district that defines none: {@link #DEFAULT_LIMITS}, each at most the normal
     * limit of its tier (a working day counted as 24 hours), no command-post categories, no roster.
     */
    public static EmergencyPlan defaults(SlaPolicy normal) {
        Map<SlaTier, Duration> limits = new EnumMap<>(SlaTier.class);
        DEFAULT_LIMITS.forEach((tier, d) -> {
            Duration ceiling = normalCeiling(normal, tier);
            limits.put(tier, d.compareTo(ceiling) > 0 ? ceiling : d);
        });
        return new EmergencyPlan(limits, List.of(), List.of());
    }

    /**
     * The longest wartime limit that still tightens the normal one: the simple limit itself, and
     * 24 hours per working day for the day-based tiers (a working-day limit always lasts at least
     * that long).
     */
    public static Duration normalCeiling(SlaPolicy normal, SlaTier tier) {
        return tier.isHourBased() ? normal.simple() : Duration.ofHours(24L * normal.workingDays(tier));
    }

    /** The wartime limit of {@code tier}. */
    public Duration limit(SlaTier tier) {
        return limits.get(Objects.requireNonNull(tier, "tier"));
    }

    /**
     * Whether a case of this category goes straight to the command post in wartime: its code, its
     * major's code or its family is listed.
     */
    public boolean commandPost(String categoryCode) {
        if (categoryCode == null || commandPostCategories.isEmpty()) {
            return false;
        }
        if (commandPostCategories.contains(categoryCode)
                || categoryCode.length() > 4 && commandPostCategories.contains(categoryCode.substring(0, 4))) {
            return true;
        }
        return CategoryFamily.fromCode(categoryCode).map(f -> commandPostCategories.contains(WireNames.of(f)))
                .orElse(false);
    }

    /** The families listed in {@link #commandPostCategories}. */
    public List<CategoryFamily> commandPostFamilies() {
        List<CategoryFamily> out = new ArrayList<>();
        for (String t : commandPostCategories) {
            family(t).ifPresent(out::add);
        }
        return out;
    }

    /** The family a wire name (or constant name) stands for. */
    static Optional<CategoryFamily> family(String text) {
        return WireNames.lookup(CategoryFamily.values(), WireNames::of, text == null ? null : text.replace('_', '-'));
    }

    private static String normalTarget(String entry) {
        if (entry == null || entry.isBlank()) {
            throw new IllegalArgumentException("commandPostCategories has a blank entry");
        }
        String e = entry.strip();
        Optional<CategoryFamily> family = family(e);
        if (family.isPresent()) {
            return WireNames.of(family.get());
        }
        if (!CategoryDefinition.CODE.matcher(e).matches()) {
            throw new IllegalArgumentException("commandPostCategories: \"" + e + "\" is neither a category code "
                    + CategoryDefinition.CODE + " nor a family (city-management, livelihood, comprehensive-governance)");
        }
        return e;
    }

    /**
     * One post of the duty roster (值班表): staff, not residents. A shift from {@code from} to
     * {@code to} local time; {@code to} before {@code from} runs over midnight, {@code to} equal to
     * {@code from} is a 24-hour duty.
     *
     * @param post  the post, e.g. 带班领导, 值班调度
     * @param name  who is on duty
     * @param phone the duty phone, {@code [0-9+\-() ]{3,20}}
     * @param from  start of the shift, local time
     * @param to    end of the shift, local time
     */
    public record Duty(String post, String name, String phone, LocalTime from, LocalTime to) {

        /** Pattern of duty phones. */
        public static final Pattern PHONE = Pattern.compile("[0-9+\\-() ]{3,20}");

        /** Checks the components. */
        public Duty {
            post = required(post, "post", 50);
            name = required(name, "name", 50);
            phone = required(phone, "phone", 20);
            if (!PHONE.matcher(phone).matches()) {
                throw new IllegalArgumentException("phone must match " + PHONE + ": \"" + phone + "\"");
            }
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        /** Whether the shift covers local time {@code time}. */
        public boolean covers(LocalTime time) {
            if (from.equals(to)) {
                return true;
            }
            if (from.isBefore(to)) {
                return !time.isBefore(from) && time.isBefore(to);
            }
            return !time.isBefore(from) || time.isBefore(to);
        }

        private static String required(String value, String field, int max) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(field + " must not be blank");
            }
            String v = value.strip();
            if (v.length() > max) {
                throw new IllegalArgumentException(field + " must be at most " + max + " characters");
            }
            return v;
        }
    }

    /** Limits and command-post targets; the roster only counted (no names or phones in logs). */
    @Override
    public String toString() {
        return "EmergencyPlan[limits=" + limits + ", commandPostCategories=" + commandPostCategories + ", roster="
                + roster.size() + " posts]";
    }
}
