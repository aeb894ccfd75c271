package org.gongzhi.core.rest.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.gongzhi.core.casework.CaseStatus;
import org.gongzhi.core.casework.CategoryFamily;
import org.gongzhi.core.casework.Channel;
import org.gongzhi.core.casework.SlaTier;
import org.gongzhi.core.identity.Caller;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.cases.CaseQuery;
import org.gongzhi.core.tenant.PersonDefinition;

/**
 * The query parameters of the dispatcher's inbox (case list and summary) that are more than a
 * plain string: each bad value is a 400 naming its parameter.
 */
final class InboxParams {

    private InboxParams() {
    }

    /**
     * Statuses from repeated parameters and comma lists alike ({@code status=registered&status=dispatched}
     * or {@code status=registered,dispatched}), any letter case; blanks are ignored.
     */
    static Set<CaseStatus> statuses(List<String> values) {
        Set<CaseStatus> statuses = EnumSet.noneOf(CaseStatus.class);
        if (values == null) {
            return statuses;
        }
        for (String value : values) {
            for (String one : value.split(",", -1)) {
                if (one.isBlank()) {
                    continue;
                }
                try {
                    statuses.add(CaseStatus.valueOf(one.trim().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new ValidationException("status", "未知的案件状态 (unknown status): " + shown(one));
                }
            }
        }
        return statuses;
    }

    /** A category family by its name, e.g. {@code CITY_MANAGEMENT} (any letter case). */
    static CategoryFamily family(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return CategoryFamily.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("family", "未知的事件大类 (unknown family): " + shown(value));
        }
    }

    /** An intake channel by its wire name, or null when absent; unknown → 400 naming {@code channel}. */
    static Channel channel(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Channel.fromWireName(value).orElseThrow(() ->
                new ValidationException("channel", WireChannels.unknown(value)));
    }

    /** An SLA tier by its wire name, e.g. {@code coordination}. */
    static SlaTier tier(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return SlaTier.fromWireName(value).orElseThrow(() ->
                new ValidationException("tier", "未知的处置分级 (unknown tier): " + shown(value)));
    }

    /** {@code reported} (the default) or {@code due}. */
    static CaseQuery.Sort sort(String value) {
        if (value == null || value.isBlank()) {
            return CaseQuery.Sort.REPORTED;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "reported" -> CaseQuery.Sort.REPORTED;
            case "due" -> CaseQuery.Sort.DUE;
            default -> throw new ValidationException("sort", "sort 须为 reported 或 due (must be reported or due): "
                    + shown(value));
        };
    }

    /** A plugin attribute as {@code name:value}, e.g. {@code colour:red}. */
    static CaseQuery.Attribute attribute(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        int colon = value.indexOf(':');
        if (colon < 0) {
            throw new ValidationException("attribute", "attribute 须为 名称:值，如 colour:red (must be name:value, e.g. colour:red)");
        }
        return new CaseQuery.Attribute(value.substring(0, colon).trim(), value.substring(colon + 1).trim());
    }

    /** The value as quoted in an error: at most 40 characters ({@code null} for a JSON null). */
    static String shown(String value) {
        if (value == null) {
            return "null";
        }
        String v = value.strip();
        return v.length() <= 40 ? v : v.substring(0, 40) + "…";
    }

    /**
     * The {@code assignee} filter (承办人): {@code me} for the caller's own cases, or a username; absent or blank
     * does not filter.
     */
    static String assignee(String value, Caller caller) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if ("me".equalsIgnoreCase(v)) {
            return caller.username() != null ? caller.username() : caller.subject();
        }
        if (!PersonDefinition.USERNAME.matcher(v).matches()) {
            throw new ValidationException("assignee", "assignee 须为 me 或用户名 (must be me or a username): " + v);
        }
        return v;
    }
}
