package org.gongzhi.core.hotline.internal;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.hotline.HotlineIntake;

/**
 * Reads an XML batch with the JDK's StAX parser: a root element (any name, e.g. {@code tickets})
 * whose {@code ticket} (or 工单) children are the tickets, one child element per field (Chinese or
 * English names, unknown ones ignored). {@code attachments} holds URLs as text or as child
 * elements. DTDs are refused, so no entity is ever expanded or fetched.
 */
final class XmlTickets {

    private static final Set<String> TICKET = Set.of("ticket", "工单", "record");

    private XmlTickets() {
    }

    /**
     * @param charset overrides the document's own declaration when not {@code null}
     * @throws ValidationException ({@code body}) for a document that is not well-formed or has a DTD
     */
    static List<RawTicket> read(byte[] content, Charset charset) {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        XMLStreamReader xml = null;
        try {
            xml = charset == null ? factory.createXMLStreamReader(new ByteArrayInputStream(content))
                    : factory.createXMLStreamReader(new StringReader(BatchText.decode(content, charset)));
            return tickets(xml);
        } catch (XMLStreamException e) {
            String where = e.getLocation() == null ? "" : "第 " + e.getLocation().getLineNumber() + " 行 (line "
                    + e.getLocation().getLineNumber() + "): ";
            throw new ValidationException("body", "不是格式正确的 XML 文件 (not well-formed XML): " + where + e.getMessage());
        } finally {
            close(xml);
        }
    }

    private static List<RawTicket> tickets(XMLStreamReader xml) throws XMLStreamException {
        List<RawTicket> out = new ArrayList<>();
        int depth = 0;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.DTD) {
                throw new ValidationException("body", "不接受含 DTD 的 XML (XML with a DTD is refused)");
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                if (depth == 2 && TICKET.contains(xml.getLocalName())) {
                    if (out.size() == HotlineIntake.MAX_ROWS) {
                        throw TooMany.rows();
                    }
                    out.add(ticket(xml, out.size() + 1));
                    depth--;
                } else if (depth == 2) {
                    skip(xml);
                    depth--;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        return out;
    }

    /** Reads one ticket element up to its end tag. */
    private static RawTicket ticket(XMLStreamReader xml, int row) throws XMLStreamException {
        Map<TicketField, String> values = new EnumMap<>(TicketField.class);
        List<String> attachments = new ArrayList<>();
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            Optional<TicketField> field = TicketField.forName(xml.getLocalName());
            if (field.isEmpty()) {
                skip(xml);
            } else if (field.get() == TicketField.ATTACHMENTS) {
                attachments.addAll(RawTicket.split(text(xml)));
            } else {
                values.put(field.get(), text(xml));
            }
        }
        return new RawTicket(row, values, attachments);
    }

    /** All text inside the current element (nested elements' text separated by a blank), up to its end tag. */
    private static String text(XMLStreamReader xml) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    depth++;
                    text.append(' ');
                }
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        text.append(xml.getText());
                default -> {
                    // comments and processing instructions carry no value
                }
            }
        }
        return text.toString().strip();
    }

    private static void skip(XMLStreamReader xml) throws XMLStreamException {
        text(xml);
    }

    private static void close(XMLStreamReader xml) {
        if (xml != null) {
            try {
                xml.close();
            } catch (XMLStreamException e) {
                // nothing held open: the input is an in-memory array
            }
        }
    }
}
