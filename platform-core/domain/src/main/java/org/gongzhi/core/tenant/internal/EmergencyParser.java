package org.gongzhi.core.tenant.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gongzhi.core.calendar.SlaPolicy;
import org.gongzhi.core.casework.SlaTier;
import org.gongzhi.core.tenant.CategoryDefinition;
import org.gongzhi.core.tenant.EmergencyPlan;

/**
 * Parses the {@code emergency:} section of {@code tenant.yaml} (应急预案): {@code limits} (one
 * duration per tier wire name, each optional with the default of
 * {@link EmergencyPlan#defaults(SlaPolicy)}), {@code commandPostCategories} (codes and family wire
 * names) and {@code roster} (a list of duties, or the path of a file holding {@code roster:}).
 * Every error names the file and the field.
 */
public final class EmergencyParser {

    /** {@code 30m}, {@code 90 min}, {@code 24h}, {@code 3d}: minutes, hours, days of 24 hours. */
    private static final Pattern SHORT = Pattern.compile("(\\d{1,6})\\s*(m|min|h|d)");
    private static final Set<String> KEYS = Set.of("limits", "commandPostCategories", "roster");
    private static final Set<String> DUTY_KEYS = Set.of("post", "name", "phone", "from", "to");

    private EmergencyParser() {
    }

    /**
     * The plan of {@code section} (defaults when missing); {@code files} loads a referenced roster
     * file relative to the tenant directory.
     */
    public static EmergencyPlan parse(Field section, SlaPolicy sla, List<CategoryDefinition> categories,
                                      Path tenantDir, YamlFiles files) {
        EmergencyPlan defaults = EmergencyPlan.defaults(sla);
        if (section.isMissing()) {
            return defaults;
        }
        section.requireObject(KEYS);
        Map<SlaTier, Duration> limits = new EnumMap<>(SlaTier.class);
        Field limitsField = section.get("limits");
        if (!limitsField.isMissing()) {
            limitsField.requireObject(Set.of("simple", "coordination", "difficult"));
        }
        for (SlaTier tier : SlaTier.values()) {
            Field f = limitsField.get(tier.wireName());
            Duration d = f.isMissing() ? defaults.limit(tier) : f.parse(EmergencyParser::duration,
                    "a duration such as 30m, 4h, 2d or PT30M (at most 30 days)");
            Duration ceiling = EmergencyPlan.normalCeiling(sla, tier);
            if (d.compareTo(ceiling) > 0) {
                throw f.error("must tighten the normal limit: " + text(d) + " is longer than " + text(ceiling));
            }
            limits.put(tier, d);
        }
        List<String> targets = new ArrayList<>();
        for (Field f : section.get("commandPostCategories").elements()) {
            String target = f.text(true);
            boolean code = CategoryDefinition.CODE.matcher(target).matches();
            if (code && categories.stream().noneMatch(c -> c.code().equals(target))) {
                throw f.error("is not a category code of the categories file: \"" + target + "\"");
            }
            targets.add(target);
        }
        List<EmergencyPlan.Duty> roster = roster(section.get("roster"), tenantDir, files);
        try {
            return new EmergencyPlan(limits, targets, roster);
        } catch (IllegalArgumentException e) {
            throw section.get("commandPostCategories").error(e.getMessage(), e);
        }
    }

    private static List<EmergencyPlan.Duty> roster(Field f, Path tenantDir, YamlFiles files) {
        Field list = f;
        if (!f.isMissing() && f.node().isTextual()) {
            Path p = tenantDir.resolve(f.text(true)).toAbsolutePath().normalize();
            Path tenantsRoot = tenantDir.toAbsolutePath().normalize().getParent();
            if (tenantsRoot != null && !p.startsWith(tenantsRoot)) {
                throw f.error("must name a file under the tenants directory, such as duty-roster.yaml");
            }
            if (!Files.isRegularFile(p)) {
                throw f.error("refers to a missing file " + p);
            }
            Field root = files.load(p).requireObject(Set.of("roster"));
            list = root.get("roster");
        }
        List<EmergencyPlan.Duty> out = new ArrayList<>();
        for (Field d : list.elements()) {
            d.requireObject(DUTY_KEYS);
            LocalTime from = d.get("from").parse(LocalTime::parse, "a time of day such as 08:00");
            LocalTime to = d.get("to").parse(LocalTime::parse, "a time of day such as 20:00");
            try {
                out.add(new EmergencyPlan.Duty(d.get("post").text(true), d.get("name").text(true),
                        d.get("phone").text(true), from, to));
            } catch (IllegalArgumentException e) {
                throw d.error(e.getMessage(), e);
            }
        }
        return out;
    }

    /** A positive duration of at most 30 days: ISO-8601 ({@code PT30M}, {@code P1D}) or {@code 30m}, {@code 4h}, {@code 2d}. */
    static Duration duration(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        Duration d;
        Matcher m = SHORT.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            d = switch (m.group(2)) {
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofMinutes(n);
            };
        } else if (t.startsWith("p")) {
            try {
                d = Duration.parse(t.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        } else {
            throw new IllegalArgumentException("not a duration: " + text);
        }
        if (d.isZero() || d.isNegative() || d.compareTo(EmergencyPlan.MAX_LIMIT) > 0) {
            throw new IllegalArgumentException("out of range: " + text);
        }
        return d;
    }

    /** A duration as people write it: {@code 30m}, {@code 24h}, {@code 5d}. */
    static String text(Duration d) {
        if (d.toMinutes() % (24 * 60) == 0 && d.toSeconds() % 60 == 0) {
            return d.toDays() + "d";
        }
        if (d.toMinutes() % 60 == 0 && d.toSeconds() % 60 == 0) {
            return d.toHours() + "h";
        }
        return d.toSeconds() % 60 == 0 ? d.toMinutes() + "m" : d.toString();
    }
}
