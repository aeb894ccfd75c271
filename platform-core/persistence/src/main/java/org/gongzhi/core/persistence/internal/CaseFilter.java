package org.gongzhi.core.persistence.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.gongzhi.core.casework.CaseStatus;
import org.gongzhi.core.casework.Channel;
import org.gongzhi.core.grid.GridNode;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.cases.CaseQuery;
import org.gongzhi.core.service.cases.CaseScope;
import org.gongzhi.core.tenant.TenantDefinition;
import org.hibernate.query.SelectionQuery;

/** Turns a {@link CaseQuery} into an HQL where-clause with named parameters. */
final class CaseFilter {

    /** Statuses whose SLA clock does not run: finished, rejected, or postponed (缓办). */
    static final List<CaseStatus> NOT_RUNNING =
            List.of(CaseStatus.CLOSED, CaseStatus.EVALUATED, CaseStatus.REJECTED, CaseStatus.POSTPONED);
    /** The statuses of a case still in the loop ({@link CaseStatus#isOpen}). */
    static final Set<CaseStatus> OPEN = Arrays.stream(CaseStatus.values()).filter(CaseStatus::isOpen)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(CaseStatus.class)));
    /**
     * The others: statuses whose clock runs once the case is registered. Queries name these rather than
     * exclude {@link #NOT_RUNNING}, so that the (tenant_id, status, due_at) index finds the rows.
     */
    static final List<CaseStatus> RUNNING = Arrays.stream(CaseStatus.values())
            .filter(s -> !NOT_RUNNING.contains(s)).toList();

    private final StringBuilder where = new StringBuilder();
    private final Map<String, Object> params = new LinkedHashMap<>();
    /** Whether the text is looked for as words in title and address (not a case number, not a phone). */
    private boolean wordSearch;
    /** Whether any filter or scope narrows the district's cases (the merged-duplicate rule aside). */
    private boolean narrowed;

    private CaseFilter() {
    }

    static CaseFilter of(TenantDefinition tenant, CaseQuery q, Instant now) {
        CaseFilter f = new CaseFilter();
        if (OPEN.equals(q.statuses())) {
            // the open inbox, its summary and the scoped inboxes: the predicate of the indexes over open cases,
            // in literals. Named as a list of open statuses, PostgreSQL ANDed a bitmap of the status index with
            // one of a partial index read for its predicate alone, guessed 300 rows where 64,000 matched, and
            // read their rows (488 ms at 10,000,000 cases); this way it counts from V39's index (13 ms)
            f.and("c.status not in (CLOSED, EVALUATED, REJECTED)");
        } else if (!q.statuses().isEmpty()) {
            f.and("c.status in (:statuses)", "statuses", List.copyOf(q.statuses()));
        }
        if (q.scope().reporterSubject() == null && !q.scope().publicCases()) {
            // a merged duplicate follows its master: the staff's lists leave it out (ADR 0034); its reporter still sees it
            f.where.append(f.where.length() == 0 ? " where " : " and ").append("c.mergedInto is null");
        }
        if (q.gridCode() != null) {
            List<GridNode> path = tenant.grids().pathTo(q.gridCode());
            if (path.isEmpty()) {
                throw new ValidationException("grid", "本区没有该网格 (unknown grid): " + q.gridCode());
            }
            String prefix = path.stream().map(GridNode::code).collect(Collectors.joining("/"));
            f.and("(c.gridPath = :gridPath or c.gridPath like :gridPrefix)", "gridPath", prefix);
            f.params.put("gridPrefix", prefix + "/%");
        }
        if (q.department() != null) {
            f.and("(c.leadDepartment = :dept or array_contains(c.coDepartments, :dept))", "dept", q.department());
        }
        if (q.categoryCode() != null) {
            f.and("c.categoryCode = :category", "category", q.categoryCode());
        }
        if (q.channel() != null) {
            f.and("c.channel = :channel", "channel", q.channel().wireName());
        }
        if (q.overdue() != null) {
            if (q.overdue()) {
                f.and("(c.dueAt < :now and c.status in (:running))", "now", now);
                f.params.put("running", RUNNING);
            } else {
                f.and("(c.dueAt is null or c.dueAt >= :now or c.status in (:notRunning))", "now", now);
                f.params.put("notRunning", NOT_RUNNING);
            }
        }
        if (q.family() != null) {
            f.and("c.family = :family", "family", q.family().name());
        }
        if (q.tier() != null) {
            f.and("c.tier = :tier", "tier", q.tier());
        }
        if (q.dueWithinHours() != null) {
            // due soon (即将超期): the clock runs, not yet overdue, due within the window
            f.and("(c.dueAt >= :soonFrom and c.dueAt < :soonTo and c.status in (:running))", "soonFrom", now);
            f.params.put("soonTo", now.plus(Duration.ofHours(q.dueWithinHours())));
            f.params.put("running", RUNNING);
        }
        if (q.attribute() != null) {
            // the plugin's attributes are a JSON object of strings; containment uses the GIN index of V9
            f.and(Database.JSON_TEXT_CONTAINS + "(c.triageAttributes, :attribute)", "attribute",
                    JsonText.write(Map.of(q.attribute().name(), q.attribute().value())));
        }
        if (q.text() != null) {
            f.text(q.text());
        }
        if (q.commandPost() != null) {
            f.and("c.commandPost = :commandPost", "commandPost", q.commandPost());
        }
        if (q.wartime() != null) {
            f.and("c.wartime = :wartime", "wartime", q.wartime());
        }
        if (q.assignee() != null) {
            f.and("c.assignee = :assignee", "assignee", q.assignee());
        }
        if (q.reportedFrom() != null) {
            f.and("c.reportedAt >= :from", "from", q.reportedFrom());
        }
        if (q.reportedTo() != null) {
            f.and("c.reportedAt < :to", "to", q.reportedTo());
        }
        if (!q.scope().wholeDistrict()) {
            f.scope(tenant, q.scope());
        }
        return f;
    }

    /** Cases in any of the scope's grids, or dispatched to its department, or reported by its subject, or public. */
    private void scope(TenantDefinition tenant, CaseScope scope) {
        List<String> alternatives = new ArrayList<>();
        GridArea area = GridArea.of(tenant, scope.grids());
        if (!area.isEmpty()) { // a grid no longer in the tree sees nothing
            alternatives.add(area.hql("c", "scopeGrid", params));
        }
        if (scope.department() != null) {
            alternatives.add("c.leadDepartment = :scopeDept or array_contains(c.coDepartments, :scopeDept)");
            params.put("scopeDept", scope.department());
        }
        if (scope.reporterSubject() != null) {
            alternatives.add("c.reporterSubject = :scopeSubject");
            params.put("scopeSubject", scope.reporterSubject());
        }
        if (scope.publicCases()) {
            alternatives.add("c.publicCase = true");
        }
        String clause = alternatives.isEmpty() ? "1 = 0" : "(" + String.join(" or ", alternatives) + ")";
        narrowed = true;
        where.append(where.length() == 0 ? " where " : " and ").append(clause);
    }

    /** A case number, or its start: digits and dashes. */
    private static final Pattern NUMBER_LIKE = Pattern.compile("[0-9-]+");
    /** A phone as people write it: digits, optionally a leading +, spaces and dashes between. */
    private static final Pattern PHONE_LIKE = Pattern.compile("\\+?[0-9][0-9 -]*");
    /** Digits a phone has at least (a landline without area code) and at most (+86 and a mobile number). */
    private static final int PHONE_MIN_DIGITS = 7;
    private static final int PHONE_MAX_DIGITS = 13;

    /**
     * Free text: digits and dashes are a case number from its start (its index) or, with 7–13 digits, the
     * reporter's whole phone number (V28's key and index; never a part of it); any other text is looked
     * for in the title and the address, where the bigram index pre-filters texts of two characters or
     * more and {@code ilike} decides.
     */
    private void text(String text) {
        String trimmed = text.strip();
        boolean number = NUMBER_LIKE.matcher(trimmed).matches();
        long digits = trimmed.chars().filter(Character::isDigit).count();
        boolean phone = PHONE_LIKE.matcher(trimmed).matches() && digits >= PHONE_MIN_DIGITS && digits <= PHONE_MAX_DIGITS;
        if (number && phone) {
            and("(c.number like :numberPrefix escape '\\' or c.reporterPhoneKey = " + Database.PHONE_KEY + "(:phone))",
                    "numberPrefix", likeEscaped(trimmed) + "%");
            params.put("phone", trimmed);
            return;
        }
        if (number) {
            and("c.number like :numberPrefix escape '\\'", "numberPrefix", likeEscaped(trimmed) + "%");
            return;
        }
        if (phone) {
            and("c.reporterPhoneKey = " + Database.PHONE_KEY + "(:phone)", "phone", trimmed);
            return;
        }
        wordSearch = true;
        int length = text.codePointCount(0, text.length());
        if (length >= 2) {
            and(Database.TEXT_MAY_CONTAIN + "(c.textBigrams, :text)", "text", text);
        }
        if (length != 2 || !text.codePoints().allMatch(CaseFilter::uncased)) {
            and("(c.title ilike :contained escape '\\' or c.address ilike :contained escape '\\')", "contained",
                    "%" + likeEscaped(text) + "%");
        } // else the bigram is the text itself: title or address contain it exactly when the index says so
    }

    /** A character without letter case and not blank (most Chinese text): a bigram of such matches itself only. */
    private static boolean uncased(int c) {
        return !Character.isWhitespace(c) && Character.toLowerCase(c) == c && Character.toUpperCase(c) == c
                && Character.toTitleCase(c) == c;
    }

    /** {@code text} with LIKE's wildcards and its escape character taken literally. */
    static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** The order of a page: newest first, or soonest due first with undated cases last. */
    static String orderBy(CaseQuery.Sort sort) {
        return switch (sort) {
            case REPORTED -> " order by c.reportedAt desc, c.id";
            case DUE -> " order by c.dueAt asc nulls last, c.reportedAt desc, c.id";
        };
    }

    private void and(String clause, String name, Object value) {
        and(clause);
        params.put(name, value);
    }

    private void and(String clause) {
        narrowed = true;
        where.append(where.length() == 0 ? " where " : " and ").append(clause);
    }

    String where() {
        return where.toString();
    }

    /**
     * Whether the list's count stops at a cap ({@code CaseQuery.COUNT_CAP}): a word search, whose matches a GIN
     * index finds but only the rows confirm, or no filter at all, which would count the whole district (ADR 0038).
     */
    boolean broad() {
        return wordSearch || !narrowed;
    }

    <T> SelectionQuery<T> bind(SelectionQuery<T> query) {
        params.forEach((name, value) -> {
            if (value instanceof List<?> list) {
                query.setParameterList(name, list);
            } else {
                query.setParameter(name, value);
            }
        });
        return query;
    }
}
