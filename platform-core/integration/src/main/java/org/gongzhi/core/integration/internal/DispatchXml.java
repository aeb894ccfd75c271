package org.gongzhi.core.integration.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Iterator;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A dispatch in XML for file connectors: root {@code dispatch} ({@code reply} for a reply to the 12345
 * hotline, whose {@code type} is {@code hotline-reply}), one element per JSON field holding
 * its value as text; arrays hold one element per item, named by the array's singular
 * ({@code attachments/attachment}, {@code coDepartments/coDepartment}); absent and null fields are left out.
 */
final class DispatchXml {

    private DispatchXml() {
    }

    static String of(String json) throws IOException {
        JsonNode tree = DeliverySteps.JSON.readTree(json);
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("hotline-reply".equals(tree.path("type").asText()) ? "reply" : "dispatch");
            for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                write(w, field.getKey(), field.getValue());
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IOException("dispatch cannot be written as XML: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private static void write(XMLStreamWriter w, String name, JsonNode value) throws XMLStreamException {
        if (value == null || value.isNull()) {
            return;
        }
        w.writeStartElement(name);
        if (value.isArray()) {
            String item = name.endsWith("s") ? name.substring(0, name.length() - 1) : "item";
            for (JsonNode v : value) {
                write(w, item, v);
            }
        } else {
            w.writeCharacters(value.asText());
        }
        w.writeEndElement();
    }
}
