package org.wwan4j.generator.gir;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A minimal immutable XML element. Attribute keys carry a fixed prefix for the GIR's XML namespaces
 * ({@code c:type}, {@code glib:get-type}) whatever prefix the document itself declares.
 */
record XmlElement(String name, Map<String, String> attributes, List<XmlElement> children, String text) {

    String attr(String key) {
        return attributes.get(key);
    }

    boolean flag(String key) {
        return "1".equals(attributes.get(key));
    }

    Stream<XmlElement> children(String childName) {
        return children.stream().filter(c -> c.name.equals(childName));
    }

    XmlElement child(String childName) {
        return children(childName).findFirst().orElse(null);
    }
}
