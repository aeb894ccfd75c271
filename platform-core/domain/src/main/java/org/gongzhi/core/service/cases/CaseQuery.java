package org.gongzhi.core.service.cases;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import org.gongzhi.core.casework.CaseStatus;
import org.gongzhi.core.casework.CategoryFamily;
import org.gongzhi.core.casework.Channel;
import org.gongzhi.core.casework.SlaTier;
import org.gongzhi.core.service.ValidationException;

/**
 * Filters for listing cases (the dispatcher's inbox, 调度台); null or empty fields do not filter,
 * all given ones apply together. {@code statuses} matches any of its statuses; {@code gridCode}
 * matches the grid and everything below it; {@code dueWithinHours} keeps the cases whose clock runs
 * and whose due time lies in the next so many hours (not yet overdue); {@code attribute} matches an
 * attribute the triaging plugin put on the case (e.g. {@code colour=red}); {@code text} of digits
 * and dashes matches the case numbers that start with it, a phone of 7–13 digits (with +, spaces or
 * dashes) also the cases whose reporter's phone is that whole number (since 2.1), any other text the
 * titles and addresses that contain it (any letter case; never the reporter's name); {@code scope}
 * confines the result to what the caller may see; {@code commandPost} and {@code wartime} keep the
 * cases routed straight to the command post, or registered under the emergency plan (or, when
 * {@code false}, the others); {@code assignee} keeps the cases a person holds (承办人, a username; ADR 0035).
 * Validation errors name the REST query parameter.
 *
 * @since 1.5 (statuses, family, tier, dueWithinHours, attribute, text and sort), 1.8 (commandPost, wartime)
 */
public record CaseQuery(Set<CaseStatus> statuses, String gridCode, String department, String categoryCode,
                        Channel channel, Boolean overdue, Instant reportedFrom, Instant reportedTo,
                        CategoryFamily family, SlaTier tier, Integer dueWithinHours, Attribute attribute,
                        String text, Sort sort, int offset, int limit, CaseScope scope, Boolean commandPost,
                        Boolean wartime, String assignee) {

    /** Largest page a caller may ask for. */
    public static final int MAX_LIMIT = 200;
    /** Longest "due within" window: 30 days. */
    public static final int MAX_DUE_WITHIN_HOURS = 720;
    /** Longest search text, in characters. */
    public static final int MAX_TEXT = 100;
    /**
     * Most matches a broad list counts exactly: a word search, or a list with no filter at all. Beyond, the
     * list's total is this number and not exact ({@code Page.totalExact}, shown as "1,000+").
     *
     * @since 2.2
     */
    public static final int COUNT_CAP = 1_000;
    /**
     * The cap of a word search's count.
     *
     * @since 2.1
     * @deprecated since 2.2 the same as {@link #COUNT_CAP}, which also caps a list with no filter
     */
    @Deprecated(since = "2.2")
    public static final int WORD_COUNT_CAP = COUNT_CAP;
    /** Longest attribute name or value, as plugins may set them ({@code TriageDecision}). */
    public static final int MAX_ATTRIBUTE = 40;

    /** Order of a page. */
    public enum Sort {
        /** Newest reported first (the default). */
        REPORTED,
        /** Soonest due first, cases without a due time last; ties newest reported first. */
        DUE
    }

    /** One attribute a district model shows on a case, e.g. {@code colour} = {@code red}. */
    public record Attribute(String name, String value) {
        public Attribute {
            if (name == null || name.isBlank() || value == null || value.isBlank()
                    || name.length() > MAX_ATTRIBUTE || value.length() > MAX_ATTRIBUTE) {
                throw new ValidationException("attribute", "属性名和值须为 1–" + MAX_ATTRIBUTE
                        + " 个字符 (attribute name and value must be 1–" + MAX_ATTRIBUTE + " characters)");
            }
        }
    }

    /** A query without the assignee filter (the constructor of version 1.8). */
    public CaseQuery(Set<CaseStatus> statuses, String gridCode, String department, String categoryCode,
                     Channel channel, Boolean overdue, Instant reportedFrom, Instant reportedTo,
                     CategoryFamily family, SlaTier tier, Integer dueWithinHours, Attribute attribute,
                     String text, Sort sort, int offset, int limit, CaseScope scope, Boolean commandPost,
                     Boolean wartime) {
        this(statuses, gridCode, department, categoryCode, channel, overdue, reportedFrom, reportedTo, family, tier,
                dueWithinHours, attribute, text, sort, offset, limit, scope, commandPost, wartime, null);
    }

    /** A query without the wartime filters (the constructor of version 1.5). */
    public CaseQuery(Set<CaseStatus> statuses, String gridCode, String department, String categoryCode,
                     Channel channel, Boolean overdue, Instant reportedFrom, Instant reportedTo,
                     CategoryFamily family, SlaTier tier, Integer dueWithinHours, Attribute attribute,
                     String text, Sort sort, int offset, int limit, CaseScope scope) {
        this(statuses, gridCode, department, categoryCode, channel, overdue, reportedFrom, reportedTo, family, tier,
                dueWithinHours, attribute, text, sort, offset, limit, scope, null, null);
    }

    /** The query of the issue-1 list: one status or none, newest first, over the whole district. */
    public CaseQuery(CaseStatus status, String gridCode, String department, String categoryCode, Channel channel,
                     Boolean overdue, Instant reportedFrom, Instant reportedTo, int offset, int limit) {
        this(status, gridCode, department, categoryCode, channel, overdue, reportedFrom, reportedTo, offset, limit,
                CaseScope.district());
    }

    /** The query of the issue-1 list confined to {@code scope}. */
    public CaseQuery(CaseStatus status, String gridCode, String department, String categoryCode, Channel channel,
                     Boolean overdue, Instant reportedFrom, Instant reportedTo, int offset, int limit, CaseScope scope) {
        this(status == null ? Set.of() : Set.of(status), gridCode, department, categoryCode, channel, overdue,
                reportedFrom, reportedTo, null, null, null, null, null, Sort.REPORTED, offset, limit, scope);
    }

    public CaseQuery {
        statuses = statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
        scope = scope == null ? CaseScope.district() : scope;
        assignee = assignee == null || assignee.isBlank() ? null : assignee.strip();
        sort = sort == null ? Sort.REPORTED : sort;
        text = text == null || text.isBlank() ? null : text.strip();
        if (text != null && text.length() > MAX_TEXT) {
            throw new ValidationException("q", "搜索文字不能超过 " + MAX_TEXT + " 个字符 (search text: at most "
                    + MAX_TEXT + " characters)");
        }
        if (dueWithinHours != null && (dueWithinHours < 1 || dueWithinHours > MAX_DUE_WITHIN_HOURS)) {
            throw new ValidationException("dueWithin", "dueWithin 须在 1–" + MAX_DUE_WITHIN_HOURS
                    + " 小时之间 (must be 1–" + MAX_DUE_WITHIN_HOURS + " hours)");
        }
        if (offset < 0) {
            throw new ValidationException("offset", "offset 不能为负数 (must not be negative)");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ValidationException("limit", "limit 须在 1–" + MAX_LIMIT + " 之间 (must be 1–" + MAX_LIMIT + ")");
        }
    }

    /** The same query confined to {@code visible}. */
    public CaseQuery within(CaseScope visible) {
        return new CaseQuery(statuses, gridCode, department, categoryCode, channel, overdue, reportedFrom, reportedTo,
                family, tier, dueWithinHours, attribute, text, sort, offset, limit, visible, commandPost, wartime, assignee);
    }

    /**
     * The same query, another page.
     *
     * @since 2.1
     */
    public CaseQuery page(int newOffset, int newLimit) {
        return new CaseQuery(statuses, gridCode, department, categoryCode, channel, overdue, reportedFrom, reportedTo,
                family, tier, dueWithinHours, attribute, text, sort, newOffset, newLimit, scope, commandPost, wartime,
                assignee);
    }

    /** A builder starting from no filter, newest first, the first 50 cases of the whole district. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link CaseQuery}; the record's constructor validates. */
    public static final class Builder {
        private Set<CaseStatus> statuses = Set.of();
        private String grid;
        private String department;
        private String category;
        private Channel channel;
        private Boolean overdue;
        private Instant from;
        private Instant to;
        private CategoryFamily family;
        private SlaTier tier;
        private Integer dueWithinHours;
        private Attribute attribute;
        private String text;
        private Sort sort = Sort.REPORTED;
        private int offset;
        private int limit = 50;
        private CaseScope scope = CaseScope.district();
        private Boolean commandPost;
        private Boolean wartime;
        private String assignee;

        private Builder() {
        }

        public Builder statuses(Set<CaseStatus> value) {
            statuses = value;
            return this;
        }

        public Builder grid(String value) {
            grid = value;
            return this;
        }

        public Builder department(String value) {
            department = value;
            return this;
        }

        public Builder category(String value) {
            category = value;
            return this;
        }

        public Builder channel(Channel value) {
            channel = value;
            return this;
        }

        public Builder overdue(Boolean value) {
            overdue = value;
            return this;
        }

        public Builder reported(Instant fromInclusive, Instant toExclusive) {
            from = fromInclusive;
            to = toExclusive;
            return this;
        }

        public Builder family(CategoryFamily value) {
            family = value;
            return this;
        }

        public Builder tier(SlaTier value) {
            tier = value;
            return this;
        }

        public Builder dueWithinHours(Integer value) {
            dueWithinHours = value;
            return this;
        }

        public Builder attribute(Attribute value) {
            attribute = value;
            return this;
        }

        public Builder text(String value) {
            text = value;
            return this;
        }

        public Builder sort(Sort value) {
            sort = value;
            return this;
        }

        public Builder page(int offsetValue, int limitValue) {
            offset = offsetValue;
            limit = limitValue;
            return this;
        }

        public Builder scope(CaseScope value) {
            scope = value;
            return this;
        }

        /** Only cases routed straight to the command post ({@code true}) or only the others ({@code false}). */
        public Builder commandPost(Boolean value) {
            commandPost = value;
            return this;
        }

        /** Only cases registered under the emergency plan ({@code true}) or only the others ({@code false}). */
        public Builder wartime(Boolean value) {
            wartime = value;
            return this;
        }

        /** Only the cases this person (username) holds. */
        public Builder assignee(String value) {
            assignee = value;
            return this;
        }

        public CaseQuery build() {
            return new CaseQuery(statuses, grid, department, category, channel, overdue, from, to, family, tier,
                    dueWithinHours, attribute, text, sort, offset, limit, scope, commandPost, wartime, assignee);
        }
    }
}
