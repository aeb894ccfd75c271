package org.gongzhi.plugins.oldmanstudios.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.gongzhi.plugin.api.PluginRecord;
import org.gongzhi.plugin.api.PluginStorage;

/**
 * Mediation of an assigned dispute: sessions (调解会), then the outcome — agreement (调解协议),
 * failure (调解不成) or escalation up the ladder (上交) — and the follow-up visit (回访). Every
 * dated step lies between the dispute's latest event and today.
 */
final class MediationDesk {

    private final DisputeStore disputes;
    private final Registry studios;
    private final Registry organisations;
    private final Registry experts;
    private final Clock clock;

    MediationDesk(PluginStorage storage, Clock clock) {
        this.disputes = new DisputeStore(storage);
        this.studios = Registry.studios(storage);
        this.organisations = Registry.organisations(storage);
        this.experts = Registry.experts(storage);
        this.clock = clock;
    }

    /** Records a session; attending mediators of a studio must be its elders, experts must be in the pool. */
    PluginRecord session(String tenant, String id, DisputeBodies.Session body) {
        PluginRecord current = disputes.load(tenant, id);
        Map<String, Object> data = DisputeStore.step(current, DisputeAction.SESSION, clock.instant());
        Set<String> parties = Records.maps(data, "parties").stream().map(p -> Records.str(p, "name")).collect(Collectors.toSet());
        if (parties.isEmpty()) {
            throw Problems.conflict("请先补全当事人再召开调解会", "complete the parties (PUT) before a session");
        }
        LocalDate date = dated(body == null ? null : body.date(), data);
        List<String> present = names("partiesPresent", body.partiesPresent(), 1, 50);
        for (int i = 0; i < present.size(); i++) {
            if (!parties.contains(present.get(i))) {
                throw Problems.invalid("partiesPresent[" + i + "]", "不是本纠纷的当事人", "not a party of this dispute");
            }
        }
        List<String> mediators = names("mediators", body.mediators(), 1, 20);
        Map<String, Object> assignee = Records.map(data, "assignee");
        if (AssignmentRule.STUDIO.equals(Records.str(assignee, "kind"))) {
            Set<String> elders = Records.maps(studios.get(tenant, Records.str(assignee, "id")).data(), "mediators")
                    .stream().map(m -> Records.str(m, "name")).collect(Collectors.toSet());
            for (int i = 0; i < mediators.size(); i++) {
                if (!elders.contains(mediators.get(i))) {
                    throw Problems.invalid("mediators[" + i + "]", "不是本工作室的调解员", "not a mediator of the assigned studio");
                }
            }
        }
        List<Map<String, Object>> pool = new ArrayList<>();
        List<String> ids = names("expertIds", body.expertIds(), 0, 20);
        for (int i = 0; i < ids.size(); i++) {
            String field = "expertIds[" + i + "]";
            PluginRecord expert = experts.find(tenant, ids.get(i)).orElseThrow(() ->
                    Problems.invalid(field, "专家库中没有该专家", "no such expert in the pool"));
            pool.add(Records.of("id", expert.id(), "name", Records.str(expert.data(), "name"),
                    "field", Records.str(expert.data(), "field")));
        }
        int number = Records.maps(data, "sessions").size() + 1;
        DisputeStore.append(data, "sessions", Records.of("no", number, "date", date.toString(), "partiesPresent", present,
                "mediators", mediators, "experts", pool, "notes", Inputs.optionalText("notes", body.notes(), 5000)));
        return disputes.update(tenant, current, data);
    }

    /** Records the agreement; time to agreement is counted in days from registration. */
    PluginRecord agree(String tenant, String id, DisputeBodies.Agreement body) {
        PluginRecord current = disputes.load(tenant, id);
        Map<String, Object> data = DisputeStore.step(current, DisputeAction.AGREE, clock.instant());
        LocalDate date = dated(body == null ? null : body.date(), data);
        String text = Inputs.text("text", body.text(), 5000);
        List<String> terms = Inputs.list("terms", body.terms(), 1, 50);
        List<String> validTerms = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            validTerms.add(Inputs.text("terms[" + i + "]", terms.get(i), 500));
        }
        LocalDate followUp = Inputs.date("followUpDate", body.followUpDate());
        if (followUp.isBefore(date)) {
            throw Problems.invalid("followUpDate", "回访日期不能早于协议日期", "the follow-up cannot come before the agreement");
        }
        data.put("agreement", Records.of("date", date.toString(), "text", text, "terms", validTerms,
                "followUpDate", followUp.toString()));
        data.put("outcomeDate", date.toString());
        data.put("daysToAgreement", ChronoUnit.DAYS.between(LocalDate.parse(Records.str(data, "registeredOn")), date));
        return disputes.update(tenant, current, data);
    }

    /** Records that mediation failed. */
    PluginRecord fail(String tenant, String id, DisputeBodies.Failure body) {
        PluginRecord current = disputes.load(tenant, id);
        Map<String, Object> data = DisputeStore.step(current, DisputeAction.FAIL, clock.instant());
        LocalDate date = dated(body == null ? null : body.date(), data);
        data.put("failure", Records.of("date", date.toString(), "reason", Inputs.text("reason", body.reason(), 2000)));
        data.put("outcomeDate", date.toString());
        return disputes.update(tenant, current, data);
    }

    /** Escalates one or more rungs up the ladder; after a follow-up only when the agreement was not honoured. */
    PluginRecord escalate(String tenant, String id, DisputeBodies.Escalation body) {
        PluginRecord current = disputes.load(tenant, id);
        Map<String, Object> data = DisputeStore.step(current, DisputeAction.ESCALATE, clock.instant());
        Map<String, Object> followUp = Records.map(data, "followUp");
        if (followUp != null && Boolean.TRUE.equals(followUp.get("honoured"))) {
            throw Problems.conflict("回访确认协议已履行，无需上交", "the follow-up found the agreement honoured; nothing to escalate");
        }
        if (body == null) {
            throw Problems.required("level");
        }
        EscalationLevel level = Inputs.choice("level", EscalationLevel.class, body.level());
        level.checkClimbsFrom(DisputeStore.currentRung(data));
        LocalDate date = dated(body.date(), data);
        PluginRecord organisation = null;
        if (level == EscalationLevel.ORGANISATION) {
            String orgId = Inputs.text("organisationId", body.organisationId(), 100);
            organisation = organisations.find(tenant, orgId).orElseThrow(() ->
                    Problems.invalid("organisationId", "第三方调解组织不存在", "no such mediation organisation"));
        } else if (body.organisationId() != null && !body.organisationId().isBlank()) {
            throw Problems.invalid("organisationId", "仅移交第三方调解组织时填写", "only for level organisation");
        }
        DisputeStore.append(data, "escalations", Records.of("level", level.wire(), "levelZh", level.labelZh(),
                "date", date.toString(), "organisationId", organisation == null ? null : organisation.id(),
                "organisationName", organisation == null ? null : Records.str(organisation.data(), "name"),
                "note", Inputs.optionalText("note", body.note(), 2000)));
        data.putIfAbsent("outcomeDate", date.toString());
        return disputes.update(tenant, current, data);
    }

    /** Records the follow-up visit after an agreement. */
    PluginRecord followUp(String tenant, String id, DisputeBodies.FollowUp body) {
        PluginRecord current = disputes.load(tenant, id);
        Map<String, Object> data = DisputeStore.step(current, DisputeAction.FOLLOW_UP, clock.instant());
        LocalDate date = dated(body == null ? null : body.date(), data);
        if (body.honoured() == null) {
            throw Problems.required("honoured");
        }
        data.put("followUp", Records.of("date", date.toString(), "honoured", body.honoured(),
                "note", Inputs.optionalText("note", body.note(), 2000)));
        return disputes.update(tenant, current, data);
    }

    private LocalDate dated(String value, Map<String, Object> data) {
        return Inputs.dateBetween("date", value, DisputeStore.latestDate(data),
                LocalDate.ofInstant(clock.instant(), OldManStudiosModel.ZONE));
    }

    private static List<String> names(String field, List<String> values, int min, int max) {
        List<String> list = Inputs.list(field, values, min, max);
        List<String> valid = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            valid.add(Inputs.text(field + "[" + i + "]", list.get(i), 100));
        }
        return valid;
    }
}
