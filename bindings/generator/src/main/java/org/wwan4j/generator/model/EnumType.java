package org.wwan4j.generator.model;

import java.util.List;

/**
 * A GIR enumeration or bitfield (flags).
 *
 * @param name        the GIR name
 * @param cType       the C type name ({@code QmiService})
 * @param flags       true for a {@code <bitfield>}
 * @param members     its members in GIR order
 * @param functions   its static functions ({@code qmi_service_get_string})
 * @param errorDomain the {@code glib:error-domain} when this enum lists the codes of a GError domain, or null
 * @param doc         documentation text, or empty
 */
public record EnumType(String name, String cType, boolean flags, List<EnumMember> members, List<Callable> functions,
                       String errorDomain, String doc) {

    public EnumType {
        members = List.copyOf(members);
        functions = List.copyOf(functions);
    }

    public ValueWidth width() {
        return ValueWidth.of(members);
    }
}
