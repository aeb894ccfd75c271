package org.gongzhi.plugins.threelinked.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gongzhi.plugin.api.PluginRecord;

/**
 * A quarterly 百姓管家 consultation meeting (社区协商会议) of one community, collection
 * {@code meetings}, id {@code <community>:<yyyy-Qn>}. Status: scheduled (议程已生成) → held (已召开,
 * attendance recorded) → concluded (已议定, every agenda item decided).
 */
public record Meeting(String id, long version, String community, String quarter, String status,
                      LocalDate scheduledOn, LocalDate heldOn, List<Attendee> attendees, List<AgendaItem> agenda) {

    static final String SCHEDULED = "scheduled";
    static final String HELD = "held";
    static final String CONCLUDED = "concluded";

    /** Someone at the meeting: residents' representatives, community, organisations, social workers. */
    public record Attendee(String name, String role) {
    }

    public Meeting {
        attendees = List.copyOf(attendees == null ? List.of() : attendees);
        agenda = List.copyOf(agenda == null ? List.of() : agenda);
    }

    static String idOf(String community, Quarter quarter) {
        return community + ":" + quarter;
    }

    Meeting held(LocalDate on, List<Attendee> present) {
        String next = agenda.stream().allMatch(AgendaItem::decided) ? CONCLUDED : HELD;
        return new Meeting(id, version, community, quarter, next, scheduledOn, on, present, agenda);
    }

    Meeting withItem(AgendaItem item) {
        List<AgendaItem> items = new ArrayList<>(agenda);
        items.set(item.number() - 1, item);
        String next = items.stream().allMatch(AgendaItem::decided) ? CONCLUDED : status;
        return new Meeting(id, version, community, quarter, next, scheduledOn, heldOn, attendees, items);
    }

    Map<String, Object> toData() {
        List<Map<String, Object>> people = attendees.stream()
                .map(a -> Data.builder().put("name", a.name()).put("role", a.role()).build()).toList();
        return Data.builder().put("community", community).put("quarter", quarter).put("status", status)
                .put("scheduledOn", scheduledOn).put("heldOn", heldOn).put("attendees", people)
                .put("agenda", agenda.stream().map(AgendaItem::toData).toList()).build();
    }

    List<String> toRefs() {
        return List.of("community=" + community, "quarter=" + quarter, "status=" + status);
    }

    static Meeting from(PluginRecord r) {
        Map<String, Object> d = r.data();
        List<Attendee> people = Data.maps(d, "attendees").stream()
                .map(m -> new Attendee(Data.str(m, "name"), Data.str(m, "role"))).toList();
        List<AgendaItem> items = Data.maps(d, "agenda").stream().map(AgendaItem::from).toList();
        return new Meeting(r.id(), r.version(), Data.str(d, "community"), Data.str(d, "quarter"),
                Data.str(d, "status"), Data.date(d, "scheduledOn"), Data.date(d, "heldOn"), people, items);
    }
}
