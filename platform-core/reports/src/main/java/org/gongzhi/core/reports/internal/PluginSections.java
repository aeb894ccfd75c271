package org.gongzhi.core.reports.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.gongzhi.core.reporting.ReportDocument.Column;
import org.gongzhi.core.reporting.ReportDocument.ColumnType;
import org.gongzhi.core.reporting.ReportDocument.Section;
import org.gongzhi.core.reporting.ReportDocument;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.tenant.TenantDefinition;
import org.gongzhi.plugin.api.DistrictModel;
import org.gongzhi.plugin.api.ReportContribution;
import org.gongzhi.plugin.api.ReportSection;
import org.gongzhi.plugin.api.ReportTable;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whiteboard of the plugins' report sections: asks the contributions of the models a district
 * enabled and turns their sections into numbered report sections.
 *
 * <p>The order is plugin API 1.3's (guide section 17.4), whatever order the services arrived in: models
 * by id, within a model highest {@code service.ranking} first, then lowest {@code service.id} (the
 * oldest registration).
 */
@Component(service = PluginSections.class)
public final class PluginSections {

    private static final Logger LOG = LoggerFactory.getLogger(PluginSections.class);
    private static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
        "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十"};

    /** One registered contribution with what orders it within its model. */
    private record Registered(ReportContribution contribution, int ranking, long serviceId) {
    }

    /** OSGi service order: ranking descending, then service id ascending. */
    private static final Comparator<Registered> ORDER = Comparator.comparing(Registered::ranking, Comparator.reverseOrder())
            .thenComparingLong(Registered::serviceId);

    private final TenantDirectory tenants;
    private final Map<String, List<Registered>> byModel = new ConcurrentHashMap<>();

    @Activate
    public PluginSections(@Reference TenantDirectory tenants) {
        this.tenants = tenants;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addContribution(ReportContribution contribution, Map<String, Object> props) {
        Object model = props.get(DistrictModel.MODEL_PROPERTY);
        if (model == null) {
            return;
        }
        int ranking = props.get(Constants.SERVICE_RANKING) instanceof Integer r ? r : 0;
        long serviceId = props.get(Constants.SERVICE_ID) instanceof Number n ? n.longValue() : Long.MAX_VALUE;
        Registered added = new Registered(contribution, ranking, serviceId);
        byModel.compute(model.toString(), (m, old) -> {
            List<Registered> next = new ArrayList<>(old == null ? List.of() : old);
            next.add(added);
            next.sort(ORDER);
            return List.copyOf(next);
        });
    }

    void removeContribution(ReportContribution contribution, Map<String, Object> props) {
        Object model = props.get(DistrictModel.MODEL_PROPERTY);
        if (model != null) {
            byModel.computeIfPresent(model.toString(), (m, old) -> {
                List<Registered> next = old.stream().filter(r -> !r.contribution().equals(contribution)).toList();
                return next.isEmpty() ? null : next;
            });
        }
    }

    /** The enabled models' sections in the documented order, numbered from {@code firstNumber}. */
    List<Section> sections(TenantDefinition tenant, ReportPeriod period, int firstNumber) {
        List<Section> out = new ArrayList<>();
        for (String model : tenants.enabledModels(tenant.id()).stream().sorted().toList()) {
            for (Registered registered : byModel.getOrDefault(model, List.of())) {
                try {
                    for (ReportSection s : registered.contribution().sections(tenant.id(), period.kind().name(), period.from(), period.to())) {
                        out.add(convert(s, numeral(firstNumber + out.size())));
                    }
                } catch (RuntimeException e) {
                    LOG.warn("Report sections of model {} failed for {} {}; report produced without them", model,
                            tenant.id(), period.text(), e);
                }
            }
        }
        return out;
    }

    private static Section convert(ReportSection s, String numeral) {
        ReportDocument.Table table = null;
        ReportTable t = s.table();
        if (t != null && !t.rows().isEmpty()) {
            List<Column> columns = new ArrayList<>();
            for (int i = 0; i < t.columns().size(); i++) {
                ReportTable.Column c = t.columns().get(i);
                columns.add(new Column("c" + i, c.labelZh(), ColumnType.valueOf(c.type().name())));
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            for (List<Object> values : t.rows()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 0; i < values.size(); i++) {
                    row.put("c" + i, values.get(i));
                }
                rows.add(row);
            }
            table = new ReportDocument.Table(columns, rows);
        }
        return new Section(numeral + "、" + s.headingZh(), s.headingEn(), s.paragraphs(), table, null);
    }

    static String numeral(int n) {
        return n <= NUMERALS.length ? NUMERALS[n - 1] : Integer.toString(n);
    }
}
