package org.wwan4j.generator.gir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Reads an XML file into {@link XmlElement}s with StAX; text is kept only where the GIR has prose (doc). */
final class XmlTreeReader {

    private static final Map<String, String> PREFIX_BY_URI = Map.of(
            "http://www.gtk.org/introspection/c/1.0", "c:",
            "http://www.gtk.org/introspection/glib/1.0", "glib:");

    private XmlTreeReader() {
    }

    static XmlElement read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            XMLInputFactory factory = XMLInputFactory.newFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            return read(factory.createXMLStreamReader(in));
        } catch (XMLStreamException e) {
            throw new IOException(file + ": malformed XML: " + e.getMessage(), e);
        }
    }

    private static XmlElement read(XMLStreamReader xml) throws XMLStreamException {
        Deque<Builder> open = new ArrayDeque<>();
        XmlElement root = null;
        while (xml.hasNext()) {
            switch (xml.next()) {
                case XMLStreamConstants.START_ELEMENT -> open.push(new Builder(xml.getLocalName(), attributesOf(xml)));
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                    Builder current = open.peek();
                    if (current != null && current.keepsText()) {
                        current.text.append(xml.getText());
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    XmlElement done = open.pop().build();
                    if (open.isEmpty()) {
                        root = done;
                    } else {
                        open.peek().children.add(done);
                    }
                }
                default -> { }
            }
        }
        return root;
    }

    private static Map<String, String> attributesOf(XMLStreamReader xml) {
        Map<String, String> attributes = new HashMap<>();
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            String uri = xml.getAttributeNamespace(i);
            String prefix = uri == null ? "" : PREFIX_BY_URI.getOrDefault(uri, "");
            attributes.put(prefix + xml.getAttributeLocalName(i), xml.getAttributeValue(i));
        }
        return attributes;
    }

    private static final class Builder {
        final String name;
        final Map<String, String> attributes;
        final List<XmlElement> children = new ArrayList<>();
        final StringBuilder text = new StringBuilder();

        Builder(String name, Map<String, String> attributes) {
            this.name = name;
            this.attributes = attributes;
        }

        boolean keepsText() {
            return name.equals("doc");
        }

        XmlElement build() {
            return new XmlElement(name, Map.copyOf(attributes), List.copyOf(children), text.toString());
        }
    }
}
