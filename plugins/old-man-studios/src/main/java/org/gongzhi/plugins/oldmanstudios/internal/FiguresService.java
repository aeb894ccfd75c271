package org.gongzhi.plugins.oldmanstudios.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.gongzhi.plugin.api.PluginRecord;
import org.gongzhi.plugin.api.PluginStorage;

/**
 * Figures for a period: per studio, per organisation and district totals, e.g. "第三方调解组织9个，
 * 化解矛盾纠纷124起" (9 organisations resolved 124 disputes). "Resolved" (化解) means an agreement.
 */
final class FiguresService {

    private final PluginStorage storage;
    private final Registry studios;
    private final Registry organisations;
    private final Registry experts;

    FiguresService(PluginStorage storage) {
        this.storage = storage;
        this.studios = Registry.studios(storage);
        this.organisations = Registry.organisations(storage);
        this.experts = Registry.experts(storage);
    }

    /** Figures of the disputes whose outcome falls in {@code [from, to]}. */
    Map<String, Object> figures(String tenant, LocalDate from, LocalDate to) {
        List<Figures.Row> rows = new ArrayList<>();
        long registered = 0;
        for (PluginRecord dispute : Records.all(Records.collection(storage, tenant, Records.DISPUTES), null)) {
            LocalDate on = LocalDate.parse(Records.str(dispute.data(), "registeredOn"));
            if (!on.isBefore(from) && !on.isAfter(to)) {
                registered++;
            }
            Figures.rowOf(dispute.data()).filter(r -> Figures.within(r, from, to)).ifPresent(rows::add);
        }
        List<Map<String, Object>> studioFigures = units(tenant, studios, AssignmentRule.STUDIO, rows, "village");
        List<Map<String, Object>> organisationFigures = units(tenant, organisations, AssignmentRule.ORGANISATION, rows,
                "speciality");
        long byStudios = agreementsBy(rows, AssignmentRule.STUDIO);
        long byOrganisations = agreementsBy(rows, AssignmentRule.ORGANISATION);
        Map<String, Object> district = new LinkedHashMap<>();
        district.put("registered", registered);
        district.putAll(Figures.summarise(rows).toMap());
        district.put("studios", (long) studioFigures.size());
        district.put("organisations", (long) organisationFigures.size());
        district.put("experts", experts.count(tenant));
        district.put("resolvedByStudios", byStudios);
        district.put("resolvedByOrganisations", byOrganisations);
        district.put("headlineZh", "老倌俚工作室" + studioFigures.size() + "个，化解矛盾纠纷" + byStudios + "起；第三方调解组织"
                + organisationFigures.size() + "个，化解矛盾纠纷" + byOrganisations + "起");
        district.put("headlineEn", studioFigures.size() + " studios resolved " + byStudios + " disputes; "
                + organisationFigures.size() + " mediation organisations resolved " + byOrganisations + " disputes");
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("from", from.toString());
        answer.put("to", to.toString());
        answer.put("district", district);
        answer.put("studios", studioFigures);
        answer.put("organisations", organisationFigures);
        return answer;
    }

    private static List<Map<String, Object>> units(String tenant, Registry registry, String kind, List<Figures.Row> rows,
                                                   String detail) {
        List<Map<String, Object>> units = new ArrayList<>();
        for (PluginRecord unit : registry.list(tenant, null)) {
            List<Figures.Row> own = rows.stream()
                    .filter(r -> kind.equals(r.unitKind()) && Objects.equals(unit.id(), r.unitId())).toList();
            Map<String, Object> figures = Records.of("id", unit.id(), "name", Records.str(unit.data(), "name"),
                    detail, Records.str(unit.data(), detail));
            figures.putAll(Figures.summarise(own).toMap());
            units.add(figures);
        }
        return units;
    }

    private static long agreementsBy(List<Figures.Row> rows, String kind) {
        return rows.stream().filter(r -> kind.equals(r.unitKind()) && r.outcome() == Figures.Outcome.AGREED).count();
    }
}
