package org.gongzhi.plugins.threecolour.internal;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.gongzhi.plugin.api.DistrictModel;
import org.gongzhi.plugin.api.InvalidInputException;
import org.gongzhi.plugin.api.PluginEndpoint;
import org.gongzhi.plugin.api.PluginRecord;
import org.gongzhi.plugin.api.PluginStorage;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * 会商记录: consultations held on a key/difficult case (required before its verification), section
 * {@code cases}: {@code cases/{caseId}/consultations}.
 */
@Component(service = PluginEndpoint.class, property = DistrictModel.MODEL_PROPERTY + "=" + ThreeColourGridModel.ID)
@Path("cases")
@Produces(MediaType.APPLICATION_JSON)
public final class ConsultationResource implements PluginEndpoint {

    /** Body of POST; dates {@code yyyy-MM-dd}, department codes of departments.yaml. */
    public record ConsultationBody(String gridCode, String date, String leadDepartment, List<String> coDepartments,
                                   List<String> participants, String conclusion, String followUpBy) {
    }

    private final PluginStorage storage;
    private final Clock clock;

    @Activate
    public ConsultationResource(@Reference PluginStorage storage) {
        this(storage, Clock.systemUTC());
    }

    ConsultationResource(PluginStorage storage, Clock clock) {
        this.storage = storage;
        this.clock = clock;
    }

    /** Records a consultation: 201 with the record. */
    @POST
    @Path("{caseId}/consultations")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response record(@PathParam("tenant") String tenant, @PathParam("caseId") String caseId,
                           ConsultationBody body) {
        String id = Check.uuid("caseId", caseId);
        ConsultationLog.Consultation c = validate(id, body);
        PluginRecord r = log(tenant).record(c, clock.instant());
        return Response.created(URI.create(ThreeColourGridModel.PATH.replace("{tenant}", tenant)
                + "/cases/" + id + "/consultations/" + r.id())).entity(view(r)).build();
    }

    /** The case's consultations, oldest first. */
    @GET
    @Path("{caseId}/consultations")
    public List<Map<String, Object>> list(@PathParam("tenant") String tenant, @PathParam("caseId") String caseId) {
        return log(tenant).ofCase(Check.uuid("caseId", caseId)).stream().map(ConsultationResource::view).toList();
    }

    ConsultationLog.Consultation validate(String caseId, ConsultationBody body) {
        if (body == null) {
            throw new InvalidInputException("body", "请求体不能为空 (a JSON body is required)");
        }
        String grid = Check.grid("gridCode", body.gridCode());
        LocalDate date = Check.date("date", body.date());
        if (date.isAfter(LocalDate.now(clock.withZone(ThreeColourGridModel.ZONE)))) {
            throw new InvalidInputException("date", "会商日期不能晚于今天 (the consultation date lies in the future)");
        }
        String lead = Check.matching("leadDepartment", body.leadDepartment(), Check.DEPARTMENT);
        List<String> co = Check.departments("coDepartments", body.coDepartments(), 20);
        if (co.isEmpty()) {
            throw new InvalidInputException("coDepartments", "会商须明确责任部门 (name at least one co-responsible department)");
        }
        if (co.contains(lead)) {
            throw new InvalidInputException("coDepartments", "责任部门不能与牵头部门相同 (co-responsible equals the lead): " + lead);
        }
        if (body.participants() == null || body.participants().isEmpty() || body.participants().size() > 50) {
            throw new InvalidInputException("participants", "参会人员须为 1–50 人 (1 to 50 participants)");
        }
        List<String> participants = body.participants().stream().map(p -> Check.required("participants", p, 40)).toList();
        String conclusion = Check.required("conclusion", body.conclusion(), 2000);
        LocalDate followUp = body.followUpBy() == null ? null : Check.date("followUpBy", body.followUpBy());
        if (followUp != null && followUp.isBefore(date)) {
            throw new InvalidInputException("followUpBy", "跟进期限早于会商日期 (follow-up deadline before the consultation)");
        }
        return new ConsultationLog.Consultation(caseId, grid, date, lead, co, participants, conclusion, followUp);
    }

    static Map<String, Object> view(PluginRecord r) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", r.id());
        v.putAll(r.data());
        return v;
    }

    private ConsultationLog log(String tenant) {
        return new ConsultationLog(storage.collection(tenant, ThreeColourGridModel.ID, ThreeColourGridModel.CONSULTATIONS));
    }
}
