package org.gongzhi.core.open311.internal;

import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes a {@link Doc} as UTF-8 XML (StAX, with the XML declaration the specification asks for)
 * or JSON (Jackson). Thread-safe.
 */
final class DocWriter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final XMLOutputFactory XML = XMLOutputFactory.newDefaultFactory();

    private DocWriter() {
    }

    static byte[] write(Doc doc, Format format) {
        return format == Format.JSON ? json(doc) : xml(doc);
    }

    static byte[] json(Doc doc) {
        try {
            return JSON.writeValueAsBytes(plain(doc.body()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body with every {@link Doc.Items} replaced by a list, ready for Jackson. */
    private static Object plain(Object value) {
        if (value instanceof Doc.Items items) {
            List<Object> out = new ArrayList<>();
            items.items().forEach(i -> out.add(plain(i)));
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, plain(v)));
            return out;
        }
        return value;
    }

    static byte[] xml(Doc doc) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = XML.createXMLStreamWriter(bytes, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            element(w, doc.root(), doc.body());
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write XML", e);
        }
        return bytes.toByteArray();
    }

    private static void element(XMLStreamWriter w, String name, Object value) throws XMLStreamException {
        if (value == null) {
            w.writeEmptyElement(name);
            return;
        }
        w.writeStartElement(name);
        if (value instanceof Doc.Items items) {
            for (Object item : items.items()) {
                element(w, items.item(), item);
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                element(w, (String) e.getKey(), e.getValue());
            }
        } else {
            w.writeCharacters(clean(String.valueOf(value)));
        }
        w.writeEndElement();
    }

    /** For tests and logs. */
    static String text(Doc doc, Format format) {
        return new String(write(doc, format), StandardCharsets.UTF_8);
    }

    /** The text without the characters XML 1.0 cannot carry (control characters from user input). */
    static String clean(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF);
            if (!ok && out == null) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            } else if (ok && out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }
}
