package org.gongzhi.simulator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A dispatch file in XML: root element {@code dispatch}, one child element per JSON field with the field's
 * value as text, and {@code attachments} holding {@code attachment} elements. The document becomes the same
 * tree a JSON dispatch is, so {@link DispatchReader} checks both alike. DOCTYPEs are refused (no entities).
 */
final class XmlDispatches {

    private static final Set<String> NUMBERS = Set.of("longitude", "latitude");

    private XmlDispatches() {
    }

    static Dispatch read(byte[] xml) throws InvalidDispatchException {
        Document doc;
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler()); // no messages on stderr; errors still throw
            doc = builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXException e) {
            throw new InvalidDispatchException("body", "not well-formed XML (" + e.getMessage() + ")");
        } catch (IOException | ParserConfigurationException e) {
            throw new InvalidDispatchException("body", "unreadable XML (" + e.getMessage() + ")");
        }
        Element root = doc.getDocumentElement();
        if (!"dispatch".equals(name(root))) {
            throw new InvalidDispatchException("body", "the root element must be <dispatch>, not <" + name(root) + ">");
        }
        return DispatchReader.fromTree(tree(root));
    }

    private static ObjectNode tree(Element root) throws InvalidDispatchException {
        ObjectNode tree = Json.MAPPER.createObjectNode();
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element e)) {
                continue;
            }
            String field = name(e);
            if (tree.has(field)) {
                throw new InvalidDispatchException(field, "given twice");
            }
            if ("attachments".equals(field)) {
                tree.set(field, attachments(e));
                continue;
            }
            String text = e.getTextContent().trim();
            if (text.isEmpty()) {
                continue; // an empty element is an absent field
            }
            if (NUMBERS.contains(field)) {
                try {
                    tree.put(field, Double.parseDouble(text));
                } catch (NumberFormatException nf) {
                    throw new InvalidDispatchException(field, "must be a number: " + text);
                }
            } else {
                tree.put(field, text);
            }
        }
        return tree;
    }

    private static ArrayNode attachments(Element list) throws InvalidDispatchException {
        ArrayNode urls = Json.MAPPER.createArrayNode();
        for (Node n = list.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                if (!"attachment".equals(name(e))) {
                    throw new InvalidDispatchException("attachments", "may only hold <attachment> elements, not <"
                            + name(e) + ">");
                }
                urls.add(e.getTextContent().trim());
            }
        }
        return urls;
    }

    private static String name(Element e) {
        return e.getLocalName() != null ? e.getLocalName() : e.getTagName();
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return f;
    }
}
