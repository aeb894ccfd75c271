package org.gongzhi.core.service.cases;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

import org.gongzhi.core.grid.GridNode;
import org.gongzhi.core.tenant.TenantDefinition;

/**
 * Which cases of a district a caller may see (可见范围). Either the whole district, or the union
 * of: cases in (or below) some grids, cases dispatched to a department (lead or co-handling),
 * cases the caller reported, and the public cases ({@link CaseView#publicCase()}). A scope with none
 * of these sees nothing.
 *
 * @param wholeDistrict   every case of the district (dispatchers, district administrators)
 * @param grids           grid codes whose cases, and their sub-grids' cases, are visible
 * @param department      department code whose dispatched cases are visible, or {@code null}
 * @param reporterSubject identity subject whose own reports are visible, or {@code null}
 * @param publicCases     whether the public cases are visible
 */
public record CaseScope(boolean wholeDistrict, Set<String> grids, String department, String reporterSubject,
                        boolean publicCases) {

    private static final CaseScope DISTRICT = new CaseScope(true, Set.of(), null, null, false);
    private static final CaseScope NOTHING = new CaseScope(false, Set.of(), null, null, false);
    private static final CaseScope PUBLIC = new CaseScope(false, Set.of(), null, null, true);

    /** Copies the set. */
    public CaseScope {
        grids = grids == null ? Set.of() : Set.copyOf(grids);
    }

    /** A scope without the public cases. */
    public CaseScope(boolean wholeDistrict, Set<String> grids, String department, String reporterSubject) {
        this(wholeDistrict, grids, department, reporterSubject, false);
    }

    /** Every case of the district. */
    public static CaseScope district() {
        return DISTRICT;
    }

    /** No case at all. */
    public static CaseScope nothing() {
        return NOTHING;
    }

    /** The public cases only: what anyone may see without signing in (Open311). */
    public static CaseScope publicOnly() {
        return PUBLIC;
    }

    /** This scope widened by the cases in or below {@code codes}. */
    public CaseScope withGrids(Set<String> codes) {
        return new CaseScope(wholeDistrict, union(grids, codes), department, reporterSubject, publicCases);
    }

    /** This scope widened by the cases dispatched to {@code code}. */
    public CaseScope withDepartment(String code) {
        return new CaseScope(wholeDistrict, grids, Objects.requireNonNull(code), reporterSubject, publicCases);
    }

    /** This scope widened by the cases {@code subject} reported. */
    public CaseScope withReporter(String subject) {
        return new CaseScope(wholeDistrict, grids, department, Objects.requireNonNull(subject), publicCases);
    }

    /** Whether the scope sees no case at all. */
    public boolean isEmpty() {
        return !wholeDistrict && grids.isEmpty() && department == null && reporterSubject == null && !publicCases;
    }

    /** Whether {@code c}, a case of {@code tenant}, is inside the scope. */
    public boolean permits(CaseView c, TenantDefinition tenant) {
        if (wholeDistrict || (publicCases && c.publicCase())) {
            return true;
        }
        if (reporterSubject != null && reporterSubject.equals(c.reporterSubject())) {
            return true;
        }
        if (department != null && (department.equals(c.leadDepartment()) || c.coDepartments().contains(department))) {
            return true;
        }
        return c.gridCode() != null && !grids.isEmpty()
                && tenant.grids().pathTo(c.gridCode()).stream().map(GridNode::code).anyMatch(grids::contains);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
