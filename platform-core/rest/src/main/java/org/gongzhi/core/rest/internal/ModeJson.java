package org.gongzhi.core.rest.internal;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gongzhi.core.casework.SlaTier;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.screen.DistrictMode;
import org.gongzhi.core.service.screen.OperatingMode;
import org.gongzhi.core.tenant.EmergencyPlan;
import org.gongzhi.core.tenant.TenantDefinition;

/**
 * Wire forms of the operating mode (平时/战时): a district's mode ({@code DistrictMode} JSON of the
 * issue-15 contract, shared with the live event stream), the mode with the emergency plan and the
 * duty roster, and the body of a switch.
 */
record ModeJson(String tenant, String mode, Instant since, String reason, String switchedBy) {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    static ModeJson of(DistrictMode m) {
        return new ModeJson(m.tenant(), m.mode().wireName(), m.since(), m.reason(), m.switchedBy());
    }

    /** Body of a switch: {@code mode} ({@code normal} or {@code wartime}) and why. */
    record Switch(String mode, String reason) {

        /** The mode asked for; 400 naming {@code mode} when missing or unknown. */
        OperatingMode parsedMode() {
            if (mode == null || mode.isBlank()) {
                throw new ValidationException("mode", "必填项 (required): mode（normal 或 wartime）");
            }
            return OperatingMode.fromWireName(mode).orElseThrow(() -> new ValidationException("mode",
                    "mode 须为 normal（平时）或 wartime（战时） (mode must be normal or wartime): " + InboxParams.shown(mode)));
        }

        /** The reason, checked before anything is switched (the city switches several districts). */
        String checkedReason() {
            String r = reason == null ? "" : reason.strip();
            if (r.isEmpty()) {
                throw new ValidationException("reason", "切换须说明原因 (a switch needs a reason)");
            }
            if (r.length() > MAX_REASON) {
                throw new ValidationException("reason", "原因不能超过 " + MAX_REASON + " 个字符 (reason: at most "
                        + MAX_REASON + " characters)");
            }
            return r;
        }
    }

    /** Longest reason (as {@code DistrictModes} enforces it). */
    static final int MAX_REASON = 500;

    /** The emergency plan: wartime limits per tier (ISO-8601 durations) and the command-post categories. */
    record Plan(Map<String, String> limits, List<String> commandPostCategories) {
        static Plan of(EmergencyPlan p) {
            Map<String, String> limits = new LinkedHashMap<>();
            for (SlaTier tier : SlaTier.values()) {
                limits.put(tier.wireName(), p.limit(tier).toString());
            }
            return new Plan(limits, p.commandPostCategories());
        }
    }

    /** One post of the duty roster; {@code onDuty}: the shift covers the district's local time now. */
    record Duty(String post, String name, String phone, String from, String to, boolean onDuty) {
        static Duty of(EmergencyPlan.Duty d, LocalTime now) {
            return new Duty(d.post(), d.name(), d.phone(), d.from().format(HH_MM), d.to().format(HH_MM), d.covers(now));
        }
    }

    /** The mode with the plan, and the roster while in wartime (empty otherwise). */
    record View(String tenant, String mode, Instant since, String reason, String switchedBy, Plan plan,
                List<Duty> roster) {
        static View of(DistrictMode m, TenantDefinition t, Instant now) {
            LocalTime local = now.atZone(t.timeZone() == null ? ZoneId.of("Asia/Shanghai") : t.timeZone()).toLocalTime();
            List<Duty> roster = m.wartime()
                    ? t.emergency().roster().stream().map(d -> Duty.of(d, local)).toList() : List.of();
            return new View(m.tenant(), m.mode().wireName(), m.since(), m.reason(), m.switchedBy(),
                    Plan.of(t.emergency()), roster);
        }
    }

    /** Answer of a city-wide switch: the districts switched now, and every active district's mode after it. */
    record CitySwitch(String mode, String reason, List<String> switched, List<ModeJson> districts) {
    }
}
