package org.gongzhi.plugins.threelinked.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.gongzhi.plugin.api.DistrictModel;
import org.gongzhi.plugin.api.InvalidInputException;
import org.gongzhi.plugin.api.PluginEndpoint;
import org.gongzhi.plugin.api.PluginStorage;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** 百姓管家 quarterly consultation meetings: agenda, attendance and decisions. */
@Component(service = PluginEndpoint.class,
        property = DistrictModel.MODEL_PROPERTY + "=" + ThreeLinkedModel.ID)
@Path("meetings")
@Produces(MediaType.APPLICATION_JSON)
public final class MeetingResource implements PluginEndpoint {

    static final int MAX_ATTENDEES = 200;
    static final int MAX_FOLLOW_UPS = 20;

    private final PluginStorage storage;
    private final Clock clock;

    @Activate
    public MeetingResource(@Reference PluginStorage storage) {
        this(storage, Clock.systemUTC());
    }

    MeetingResource(PluginStorage storage, Clock clock) {
        this.storage = storage;
        this.clock = clock;
    }

    /** Body of {@code POST meetings}: builds the agenda of that community and quarter. */
    public record NewMeeting(String community, String quarter, String scheduledOn) {
    }

    /** Body of {@code POST meetings/{id}/attendance}. */
    public record Attendance(String heldOn, List<Person> attendees) {
    }

    public record Person(String name, String role) {
    }

    /** Body of {@code POST meetings/{id}/decisions}: {@code decision} is take-on, decline or defer. */
    public record NewDecision(Integer item, String decision, String reason, List<Action> followUps) {
    }

    public record Action(String action, String owner, String dueOn) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response convene(@PathParam("tenant") String tenant, NewMeeting body) {
        NewMeeting b = Web.body(body);
        String community = Fields.community("community", b.community());
        Quarter quarter = Quarter.parse("quarter", b.quarter());
        LocalDate on = Fields.date("scheduledOn", b.scheduledOn());
        Meeting m = Web.answer(() -> books(tenant).meetings().convene(community, quarter, on));
        return Web.created(tenant, "meetings/" + m.id(), m);
    }

    @GET
    public List<Meeting> list(@PathParam("tenant") String tenant, @QueryParam("community") String community,
                              @QueryParam("quarter") String quarter) {
        String c = community == null ? null : Fields.community("community", community);
        Quarter q = quarter == null ? null : Quarter.parse("quarter", quarter);
        return books(tenant).meetings().list(c, q);
    }

    /** One meeting; its id is {@code <community>:<yyyy-Qn>}. */
    @GET
    @Path("{id}")
    public Meeting get(@PathParam("tenant") String tenant, @PathParam("id") String id) {
        return Web.answer(() -> books(tenant).meetings().require(id));
    }

    @POST
    @Path("{id}/attendance")
    @Consumes(MediaType.APPLICATION_JSON)
    public Meeting attend(@PathParam("tenant") String tenant, @PathParam("id") String id, Attendance body) {
        Attendance b = Web.body(body);
        LocalDate heldOn = Fields.date("heldOn", b.heldOn());
        if (b.attendees() == null || b.attendees().isEmpty() || b.attendees().size() > MAX_ATTENDEES) {
            throw new InvalidInputException("attendees", "须记录 1–" + MAX_ATTENDEES + " 名出席人员 (1 to "
                    + MAX_ATTENDEES + " attendees)");
        }
        List<Meeting.Attendee> people = new ArrayList<>();
        for (int i = 0; i < b.attendees().size(); i++) {
            Person p = b.attendees().get(i);
            String at = "attendees[" + i + "]";
            if (p == null) {
                throw new InvalidInputException(at, "必填项 (required): " + at);
            }
            people.add(new Meeting.Attendee(Fields.text(at + ".name", p.name(), 40),
                    Fields.text(at + ".role", p.role(), 60)));
        }
        return Web.answer(() -> books(tenant).meetings().attend(id, heldOn, people));
    }

    @POST
    @Path("{id}/decisions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Meeting decide(@PathParam("tenant") String tenant, @PathParam("id") String id, NewDecision body) {
        NewDecision b = Web.body(body);
        int item = Fields.integer("item", b.item(), 1, 1000);
        Decision decision = Fields.wire(Decision.class, "decision", b.decision());
        String reason = Fields.optionalText("reason", b.reason(), 500);
        List<AgendaItem.FollowUp> actions = followUps(b.followUps());
        return Web.answer(() -> books(tenant).meetings().decide(id, item, decision, reason, actions));
    }

    static List<AgendaItem.FollowUp> followUps(List<Action> in) {
        if (in == null) {
            return List.of();
        }
        if (in.size() > MAX_FOLLOW_UPS) {
            throw new InvalidInputException("followUps", "跟进事项最多 " + MAX_FOLLOW_UPS + " 项 (at most "
                    + MAX_FOLLOW_UPS + " follow-up actions)");
        }
        List<AgendaItem.FollowUp> out = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            Action a = in.get(i);
            String at = "followUps[" + i + "]";
            if (a == null) {
                throw new InvalidInputException(at, "必填项 (required): " + at);
            }
            out.add(new AgendaItem.FollowUp(Fields.text(at + ".action", a.action(), 500),
                    Fields.text(at + ".owner", a.owner(), 60), Fields.date(at + ".dueOn", a.dueOn())));
        }
        return out;
    }

    private Books books(String tenant) {
        return new Books(storage, tenant, clock);
    }
}
