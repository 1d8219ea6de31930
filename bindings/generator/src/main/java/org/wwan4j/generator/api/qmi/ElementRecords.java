package org.wwan4j.generator.api.qmi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wwan4j.generator.model.RecordType;

/**
 * The element structs (entries of GPtrArray TLVs) that generated records refer to, with their Java names.
 * An element named after one service ({@code MessageNasNetworkScanOutputNetworkInformationElement}) becomes a
 * record nested in that client ({@code ClientNas.NetworkScanNetworkInformationElement}); shared ones
 * ({@code PhysicalSlotStatusSlot}) become top-level records.
 */
final class ElementRecords {

    /** Where an element record lives: owner is the client class simple name, or null for top level. */
    record Placement(RecordType record, String owner, String simpleName) {
        String qualified() {
            return ValueKind.PKG + (owner == null ? "" : owner + ".") + simpleName;
        }
    }

    private final List<String> services; // "Dms", "Nas", ... longest first
    private final Map<String, Placement> placements = new LinkedHashMap<>();

    ElementRecords(List<String> services) {
        this.services = new ArrayList<>(services);
        this.services.sort((a, b) -> b.length() - a.length());
    }

    /** Registers the element (once) and returns its qualified Java name. */
    String javaName(RecordType record) {
        return placements.computeIfAbsent(record.name(), n -> place(record)).qualified();
    }

    private Placement place(RecordType record) {
        String name = record.name().endsWith("Gir") ? record.name().substring(0, record.name().length() - 3)
                : record.name();
        for (String kind : List.of("Message", "Indication")) {
            for (String service : services) {
                if (name.startsWith(kind + service) && name.length() > (kind + service).length()) {
                    String rest = name.substring((kind + service).length());
                    rest = rest.replaceFirst("Output", kind.equals("Message") ? "" : "Indication");
                    return new Placement(record, "Client" + service, rest);
                }
            }
        }
        return new Placement(record, null, name);
    }

    /** Element records registered so far that live in {@code owner} (null: top level), in registration order. */
    List<Placement> placedIn(String owner) {
        return placements.values().stream()
                .filter(p -> owner == null ? p.owner() == null : owner.equals(p.owner())).toList();
    }
}
