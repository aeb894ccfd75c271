package org.gongzhi.core.service.people;

import org.gongzhi.core.service.cases.CaseView;

/** The outcome of one assignment: the case as it is now and who held it before ({@code null}: nobody). */
public record Assigned(CaseView kase, String previous) {

    /** Whether it was a reassignment (改派). */
    public boolean reassigned() {
        return previous != null;
    }
}
