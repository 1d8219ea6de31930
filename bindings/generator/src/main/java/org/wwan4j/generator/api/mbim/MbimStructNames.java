package org.wwan4j.generator.api.mbim;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wwan4j.generator.api.JavaEnumEmitter;
import org.wwan4j.generator.model.EnumType;
import org.wwan4j.generator.model.Field;
import org.wwan4j.generator.model.Namespace;
import org.wwan4j.generator.model.RecordType;

/**
 * The libmbim structs that become Java records ({@code MbimProvider} gives {@code Provider}), and which of them
 * can also be written back (builders taking struct arrays, e.g. device slot mappings). MbimUuid, MbimIPv4 and
 * MbimIPv6 are not records: they map to UUID and InetAddress.
 */
final class MbimStructNames {

    private static final Set<String> VALUE_TYPES = Set.of("Uuid", "IPv4", "IPv6");

    private final Map<String, RecordType> structs = new LinkedHashMap<>();
    private final Map<String, String> javaNames = new LinkedHashMap<>();
    private final Set<String> writable = new HashSet<>();

    MbimStructNames(Namespace namespace, JavaEnumEmitter enumNames, String prefix) {
        Set<String> taken = new HashSet<>();
        for (EnumType e : namespace.enums()) {
            taken.add(enumNames.className(e));
        }
        for (RecordType r : namespace.records()) {
            if (r.fields().isEmpty() || r.disguised() || r.gtypeStructFor() != null || r.union()
                    || VALUE_TYPES.contains(r.name()) || !r.cType().startsWith(prefix)) {
                continue;
            }
            String name = r.cType().substring(prefix.length());
            // A struct named like an enum would shadow it in the shared package.
            javaNames.put(r.name(), taken.contains(name) ? name + "Info" : name);
            structs.put(r.name(), r);
        }
    }

    /** Decides writability once the mapper exists (it needs the field mapping). */
    void classify(MbimTypeMapper mapper) {
        for (RecordType r : structs.values()) {
            boolean all = true;
            for (Field f : r.fields()) {
                var type = mapper.forField(f);
                if (type.isEmpty() || type.get().kind() == MbimValueKind.BYTES) {
                    all = false;
                }
            }
            if (all) {
                writable.add(r.name());
            }
        }
    }

    boolean has(RecordType record) {
        return structs.containsKey(record.name());
    }

    /** True when every field maps, so the record can be written into a C struct for a builder. */
    boolean writable(RecordType record) {
        return writable.contains(record.name());
    }

    String javaName(RecordType record) {
        return javaNames.get(record.name());
    }

    List<RecordType> all() {
        return List.copyOf(structs.values());
    }
}
