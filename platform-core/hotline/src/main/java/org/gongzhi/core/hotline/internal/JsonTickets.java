package org.gongzhi.core.hotline.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.hotline.HotlineIntake;

/**
 * Reads a JSON batch: an array of ticket objects, or an object whose {@code tickets} member is
 * one. Keys are the field names (Chinese or English, unknown ones ignored); values are strings or
 * numbers; {@code attachments} is an array of URLs or one string of them.
 */
final class JsonTickets {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonTickets() {
    }

    /** @throws ValidationException ({@code body}) for text that is not such JSON */
    static List<RawTicket> read(String text) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ValidationException("body", "不是有效的 JSON (malformed JSON): " + e.getOriginalMessage());
        }
        JsonNode array = root != null && root.isObject() ? root.get("tickets") : root;
        if (array == null || !array.isArray()) {
            throw new ValidationException("body", "JSON 须为工单数组，或含 tickets 数组的对象 "
                    + "(JSON must be an array of tickets or an object with a tickets array)");
        }
        if (array.size() > HotlineIntake.MAX_ROWS) {
            throw TooMany.rows();
        }
        List<RawTicket> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode t = array.get(i);
            if (!t.isObject()) {
                throw new ValidationException("body", "第 " + (i + 1) + " 个元素不是工单对象 (element " + (i + 1)
                        + " is not a ticket object)");
            }
            out.add(ticket(t, i + 1));
        }
        return out;
    }

    private static RawTicket ticket(JsonNode t, int row) {
        Map<TicketField, String> values = new EnumMap<>(TicketField.class);
        List<String> attachments = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = t.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Optional<TicketField> field = TicketField.forName(e.getKey());
            if (field.isEmpty() || e.getValue().isNull()) {
                continue;
            }
            JsonNode v = e.getValue();
            if (field.get() == TicketField.ATTACHMENTS) {
                if (v.isArray()) {
                    v.forEach(url -> attachments.add(url.asText()));
                } else {
                    attachments.addAll(RawTicket.split(v.asText()));
                }
            } else {
                // a nested value is kept as its JSON text, so the field's own check refuses it
                values.put(field.get(), v.isValueNode() ? v.asText() : v.toString());
            }
        }
        return new RawTicket(row, values, attachments);
    }
}
