package org.wwan4j.generator.types;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wwan4j.generator.model.Alias;
import org.wwan4j.generator.model.CallbackType;
import org.wwan4j.generator.model.ClassType;
import org.wwan4j.generator.model.EnumType;
import org.wwan4j.generator.model.Namespace;
import org.wwan4j.generator.model.RecordType;

/** Finds a GIR type definition by (possibly qualified) name across the loaded namespaces. */
public final class TypeRegistry {

    /** A definition and the namespace that holds it. */
    public record Entry(String namespace, Object definition) { }

    private final Map<String, Entry> byQualifiedName = new HashMap<>();

    public TypeRegistry(List<Namespace> namespaces) {
        for (Namespace ns : namespaces) {
            for (RecordType r : ns.records()) {
                put(ns, r.name(), r);
            }
            for (EnumType e : ns.enums()) {
                put(ns, e.name(), e);
            }
            for (CallbackType c : ns.callbacks()) {
                put(ns, c.name(), c);
            }
            for (ClassType c : ns.classes()) {
                put(ns, c.name(), c);
            }
            for (Alias a : ns.aliases()) {
                put(ns, a.name(), a);
            }
        }
    }

    private void put(Namespace ns, String name, Object definition) {
        byQualifiedName.put(ns.name() + "." + name, new Entry(ns.name(), definition));
    }

    /** Looks {@code girName} up, unqualified names relative to {@code contextNamespace}; null when unknown. */
    public Entry find(String girName, String contextNamespace) {
        if (girName == null) {
            return null;
        }
        String qualified = girName.contains(".") ? girName : contextNamespace + "." + girName;
        return byQualifiedName.get(qualified);
    }
}
