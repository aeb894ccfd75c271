package org.gongzhi.plugins.threelinked.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.gongzhi.plugin.api.PluginRecord;

/**
 * A community facility lent to an organisation (社区综合服务设施提供给社会组织), collection
 * {@code facilities}: one record per loan.
 *
 * @param lentTo id of the organisation
 * @param from   first day of the loan
 * @param to     last day of the loan, inclusive
 */
public record FacilityLoan(String id, long version, String facility, String community, double areaM2,
                           String lentTo, LocalDate from, LocalDate to) {

    Map<String, Object> toData() {
        return Data.builder().put("facility", facility).put("community", community).put("areaM2", areaM2)
                .put("lentTo", lentTo).put("from", from).put("to", to).build();
    }

    List<String> toRefs() {
        return List.of("community=" + community, "organisation=" + lentTo);
    }

    static FacilityLoan from(PluginRecord r) {
        Map<String, Object> d = r.data();
        return new FacilityLoan(r.id(), r.version(), Data.str(d, "facility"), Data.str(d, "community"),
                Data.decimal(d, "areaM2"), Data.str(d, "lentTo"), Data.date(d, "from"), Data.date(d, "to"));
    }
}
