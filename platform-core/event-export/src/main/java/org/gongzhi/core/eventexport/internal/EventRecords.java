package org.gongzhi.core.eventexport.internal;

import java.util.Locale;

import org.gongzhi.core.casework.WireNames;
import org.gongzhi.core.service.events.CaseEvent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a case event looks like on Kafka (schema {@code case-event} version {@value #SCHEMA_VERSION},
 * {@code docs/events/case-event.v1.schema.json}): its family's topic, the district as the key, and a
 * JSON value that carries no personal data — the fields of {@link CaseEvent}, nothing more.
 */
final class EventRecords {

    /** The version of the value's schema; a change that removes or renames a field makes it 2. */
    static final int SCHEMA_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The families of events, each its own topic ({@code <prefix><topic>}). */
    enum Family {
        /** A new case (上报). */
        REPORT("case-reports"),
        /** A dispatch to a department, or a department sending the case back (派遣、退回). */
        DISPATCH("case-dispatches"),
        /** What the handling department reports: accepted, progress, feedback (签收、进展、反馈). */
        DEPARTMENT_UPDATE("department-updates"),
        /** The reporter's or the centre's evaluation (评价). */
        EVALUATION("case-evaluations"),
        /** Every other step of the closed loop (立案、核查、结案…). */
        TRANSITION("case-transitions");

        final String topic;

        Family(String topic) {
            this.topic = topic;
        }

        String wireName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Family of(String action) {
            return switch (action) {
                case CaseEvent.REPORT -> REPORT;
                case "dispatch", "return" -> DISPATCH;
                case "accept", "progress", "feedback" -> DEPARTMENT_UPDATE;
                case "evaluate" -> EVALUATION;
                default -> TRANSITION;
            };
        }
    }

    private EventRecords() {
    }

    /** The topic of {@code event} under {@code prefix}. */
    static String topic(String prefix, CaseEvent event) {
        return prefix + Family.of(event.action()).topic;
    }

    /** The record's value. */
    static String value(CaseEvent e) {
        ObjectNode n = JSON.createObjectNode();
        n.put("schemaVersion", SCHEMA_VERSION);
        n.put("eventId", e.id());
        n.put("family", Family.of(e.action()).wireName());
        n.put("district", e.tenant());
        n.put("caseId", e.caseId().toString());
        n.put("caseNumber", e.caseNumber());
        n.put("action", e.action());
        n.put("from", e.from() == null ? null : WireNames.of(e.from()));
        n.put("to", WireNames.of(e.to()));
        n.put("category", e.category());
        n.put("categoryFamily", e.family() == null ? null : WireNames.of(e.family()));
        n.put("grid", e.grid());
        n.put("leadDepartment", e.leadDepartment());
        n.put("channel", e.channel() == null ? null : e.channel().wireName());
        n.put("occurredAt", e.at().toString());
        return n.toString();
    }
}
