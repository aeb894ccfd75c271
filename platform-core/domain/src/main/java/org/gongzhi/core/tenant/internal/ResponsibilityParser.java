package org.gongzhi.core.tenant.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.gongzhi.core.casework.SlaTier;
import org.gongzhi.core.tenant.Responsibility;
import org.gongzhi.core.tenant.ResponsibilityList;

/**
 * Parses a district's {@code responsibility.yaml} (责任清单): {@code autoDispatch} (default false) and
 * {@code entries[]} with {@code category}, optional {@code grid}, {@code lead}, optional {@code co[]} and
 * optional {@code tier} ({@code simple}, {@code coordination}, {@code difficult}). Whether the codes are the
 * district's is checked by {@code TenantDefinition}.
 */
public final class ResponsibilityParser {

    private ResponsibilityParser() {
    }

    public static ResponsibilityList parse(Field root) {
        root.requireObject(Set.of("autoDispatch", "entries"));
        Field auto = root.get("autoDispatch");
        if (!auto.isMissing() && !auto.node().isBoolean()) {
            throw auto.error("must be true or false");
        }
        List<Responsibility> entries = new ArrayList<>();
        for (Field f : root.get("entries").elements()) {
            f.requireObject(Set.of("category", "grid", "lead", "co", "tier"));
            List<String> co = new ArrayList<>();
            for (Field c : f.get("co").elements()) {
                co.add(c.text(true));
            }
            SlaTier tier = f.get("tier").isMissing() ? null
                    : f.get("tier").parse(t -> SlaTier.fromWireName(t).orElseThrow(), "simple, coordination or difficult");
            entries.add(new Responsibility(f.get("category").text(true), f.get("grid").text(false),
                    f.get("lead").text(true), co, tier));
        }
        return new ResponsibilityList(!auto.isMissing() && auto.node().booleanValue(), entries);
    }
}
