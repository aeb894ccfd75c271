package org.gongzhi.core.open311.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gongzhi.core.service.NotFoundException;
import org.gongzhi.core.service.Page;
import org.gongzhi.core.service.cases.CaseQuery;
import org.gongzhi.core.service.cases.CaseScope;
import org.gongzhi.core.service.cases.CaseService;
import org.gongzhi.core.service.cases.CaseView;
import org.gongzhi.core.tenant.TenantDefinition;

/**
 * Finds the cases Open311 may show: the public ones ({@link CaseScope#publicOnly()}: reported through
 * Open311, later also residents who agreed) of the offered families ({@link ServiceCatalog#OFFERED}),
 * by case number ({@code service_request_id}), by UUID (token) or by the list filters.
 * {@link CaseService} has no filter by number, family or several statuses, so this pages through
 * {@link CaseService#list} (newest first) and filters here; a number names its day
 * ({@code <adminCode>-<yyyyMMdd>-<seq>}), which narrows its search to that day.
 */
final class RequestFinder {

    /** Most requests one GET answers (the specification's default volume). */
    static final int MAX_RESULTS = 1000;
    private static final Pattern NUMBER = Pattern.compile("(\\d{6})-(\\d{8})-(\\d{6})");

    private final CaseService cases;

    RequestFinder(CaseService cases) {
        this.cases = cases;
    }

    /** The shown case with this number; empty for a malformed, unknown or hidden one. */
    Optional<CaseView> byNumber(TenantDefinition t, String number) {
        Matcher m = NUMBER.matcher(number == null ? "" : number.trim());
        if (!m.matches() || !m.group(1).equals(t.adminCode())) {
            return Optional.empty();
        }
        LocalDate day;
        try {
            day = LocalDate.parse(m.group(2), DateTimeFormatter.BASIC_ISO_DATE);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        Instant from = day.atStartOfDay(t.timeZone()).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(t.timeZone()).toInstant();
        String wanted = number.trim();
        return scan(t, null, from, to, c -> wanted.equals(c.number()), 1).stream().findFirst();
    }

    /** The shown case with this id (the token); empty for a malformed, unknown or hidden one. */
    Optional<CaseView> byToken(TenantDefinition t, String token) {
        UUID id;
        try {
            id = UUID.fromString(token == null ? "" : token.trim());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        try {
            return Optional.of(cases.get(t.id(), id)).filter(RequestFinder::shown);
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * Shown cases reported within {@code range} (both ends included), newest first, at most
     * {@code limit}; {@code codes} and {@code closed} filter when not empty / not null.
     */
    List<CaseView> list(TenantDefinition t, W3cTime.Range range, Set<String> codes, Boolean closed, int limit) {
        String single = codes.size() == 1 ? codes.iterator().next() : null;
        Predicate<CaseView> wanted = c -> (codes.isEmpty() || codes.contains(c.categoryCode()))
                && (closed == null || closed == RequestMapping.closed(c.status()))
                && range.contains(c.reportedAt());
        return scan(t, single, range.from(), range.to().plusSeconds(1), wanted, limit);
    }

    /** Whether Open311 may show {@code c}: public, and of an offered family (never comprehensive governance). */
    static boolean shown(CaseView c) {
        return c.publicCase() && ServiceCatalog.offered(c.categoryCode());
    }

    private List<CaseView> scan(TenantDefinition t, String categoryCode, Instant from, Instant to,
                                Predicate<CaseView> wanted, int limit) {
        List<CaseView> out = new ArrayList<>();
        int offset = 0;
        while (out.size() < limit) {
            Page<CaseView> page = cases.list(t.id(), new CaseQuery(null, null, null, categoryCode, null, null, from, to,
                    offset, CaseQuery.MAX_LIMIT).within(CaseScope.publicOnly()));
            for (CaseView c : page.items()) {
                if (shown(c) && wanted.test(c) && out.size() < limit) {
                    out.add(c);
                }
            }
            offset += page.items().size();
            if (page.items().isEmpty() || offset >= page.total()) {
                break;
            }
        }
        return out;
    }
}
