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

    /** The figures of one studio or organisation: its id, name and village or speciality, and its summary. */
    record Unit(String id, String name, String detail, Figures.Summary summary) {
    }

    /**
     * The figures of a period, typed: what {@link #figures} shows and the report sections use.
     *
     * @param registered              disputes registered in the period
     * @param district                every outcome of the period
     * @param studios                 every studio, in registration order, with its outcomes (possibly none)
     * @param organisations           every organisation likewise
     * @param experts                 size of the expert pool
     * @param resolvedByStudios       agreements reached by studios (化解)
     * @param resolvedByOrganisations agreements reached by organisations
     */
    record Period(LocalDate from, LocalDate to, long registered, Figures.Summary district, List<Unit> studios,
                  List<Unit> organisations, long experts, long resolvedByStudios, long resolvedByOrganisations) {
    }

    /** Figures of the disputes whose outcome falls in {@code [from, to]}, as the REST answer shows them. */
    Map<String, Object> figures(String tenant, LocalDate from, LocalDate to) {
        Period p = period(tenant, from, to);
        Map<String, Object> district = new LinkedHashMap<>();
        district.put("registered", p.registered());
        district.putAll(p.district().toMap());
        district.put("studios", (long) p.studios().size());
        district.put("organisations", (long) p.organisations().size());
        district.put("experts", p.experts());
        district.put("resolvedByStudios", p.resolvedByStudios());
        district.put("resolvedByOrganisations", p.resolvedByOrganisations());
        district.put("headlineZh", "老倌俚工作室" + p.studios().size() + "个，化解矛盾纠纷" + p.resolvedByStudios()
                + "起；第三方调解组织" + p.organisations().size() + "个，化解矛盾纠纷" + p.resolvedByOrganisations() + "起");
        district.put("headlineEn", p.studios().size() + " studios resolved " + p.resolvedByStudios() + " disputes; "
                + p.organisations().size() + " mediation organisations resolved " + p.resolvedByOrganisations()
                + " disputes");
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("from", from.toString());
        answer.put("to", to.toString());
        answer.put("district", district);
        answer.put("studios", units(p.studios(), "village"));
        answer.put("organisations", units(p.organisations(), "speciality"));
        return answer;
    }

    /** Figures of the disputes whose outcome falls in {@code [from, to]} (both days included). */
    Period period(String tenant, LocalDate from, LocalDate to) {
        List<Figures.Row> rows = new ArrayList<>();
        long registered = 0;
        for (PluginRecord dispute : Records.all(Records.collection(storage, tenant, Records.DISPUTES), null)) {
            LocalDate on = LocalDate.parse(Records.str(dispute.data(), "registeredOn"));
            if (!on.isBefore(from) && !on.isAfter(to)) {
                registered++;
            }
            Figures.rowOf(dispute.data()).filter(r -> Figures.within(r, from, to)).ifPresent(rows::add);
        }
        return new Period(from, to, registered, Figures.summarise(rows),
                units(tenant, studios, AssignmentRule.STUDIO, rows, "village"),
                units(tenant, organisations, AssignmentRule.ORGANISATION, rows, "speciality"),
                experts.count(tenant), agreementsBy(rows, AssignmentRule.STUDIO),
                agreementsBy(rows, AssignmentRule.ORGANISATION));
    }

    private static List<Unit> units(String tenant, Registry registry, String kind, List<Figures.Row> rows,
                                    String detail) {
        List<Unit> units = new ArrayList<>();
        for (PluginRecord unit : registry.list(tenant, null)) {
            List<Figures.Row> own = rows.stream()
                    .filter(r -> kind.equals(r.unitKind()) && Objects.equals(unit.id(), r.unitId())).toList();
            units.add(new Unit(unit.id(), Records.str(unit.data(), "name"), Records.str(unit.data(), detail),
                    Figures.summarise(own)));
        }
        return units;
    }

    private static List<Map<String, Object>> units(List<Unit> units, String detail) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Unit u : units) {
            Map<String, Object> figures = Records.of("id", u.id(), "name", u.name(), detail, u.detail());
            figures.putAll(u.summary().toMap());
            out.add(figures);
        }
        return out;
    }

    private static long agreementsBy(List<Figures.Row> rows, String kind) {
        return rows.stream().filter(r -> kind.equals(r.unitKind()) && r.outcome() == Figures.Outcome.AGREED).count();
    }
}
