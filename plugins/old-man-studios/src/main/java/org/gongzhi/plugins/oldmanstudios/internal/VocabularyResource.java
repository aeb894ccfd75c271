package org.gongzhi.plugins.oldmanstudios.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.gongzhi.plugin.api.DistrictModel;
import org.gongzhi.plugin.api.PluginEndpoint;
import org.osgi.service.component.annotations.Component;

/** The model's word lists with zh-CN and English labels, for forms: types, statuses, ladder, fields. */
@Component(service = PluginEndpoint.class, property = DistrictModel.MODEL_PROPERTY + "=" + OldManStudiosModel.ID)
@Path("vocabulary")
@Produces(MediaType.APPLICATION_JSON)
public final class VocabularyResource implements PluginEndpoint {

    @GET
    public Map<String, Object> vocabulary() {
        Map<String, Object> words = new LinkedHashMap<>();
        words.put("disputeTypes", labels(DisputeType.values()));
        words.put("statuses", labels(DisputeStatus.values()));
        words.put("escalationLevels", labels(EscalationLevel.values()));
        words.put("expertFields", labels(ExpertField.values()));
        words.put("partyRoles", List.of(
                Map.of("id", DisputeBodies.APPLICANT, "zh", "申请人", "en", "Applicant"),
                Map.of("id", DisputeBodies.RESPONDENT, "zh", "被申请人", "en", "Respondent")));
        return words;
    }

    private static List<Map<String, String>> labels(Labelled[] values) {
        return Arrays.stream(values).map(v -> Map.of("id", v.wire(), "zh", v.labelZh(), "en", v.labelEn())).toList();
    }
}
