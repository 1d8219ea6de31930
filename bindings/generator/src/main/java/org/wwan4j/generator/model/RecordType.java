package org.wwan4j.generator.model;

import java.util.List;

/**
 * A GIR record (C struct) or union.
 *
 * @param name            the GIR name
 * @param cType           the C type name ({@code GError})
 * @param union           true for a GIR {@code <union>}
 * @param fields          its fields in C order (empty when opaque)
 * @param disguised       true when the GIR marks it disguised/opaque (a typedef for a pointer or a hidden struct)
 * @param getType         its {@code glib:get-type} function when it is a boxed type, or null
 * @param gtypeStructFor  the class this is the class/interface structure of, or null
 * @param introspectable  false when the GIR marks it {@code introspectable="0"}
 * @param constructors    its constructors
 * @param methods         its methods
 * @param functions       its static functions
 * @param doc             documentation text, or empty
 */
public record RecordType(String name, String cType, boolean union, List<Field> fields, boolean disguised,
                         String getType, String gtypeStructFor, boolean introspectable, List<Callable> constructors,
                         List<Callable> methods, List<Callable> functions, String doc) {

    public RecordType {
        fields = List.copyOf(fields);
        constructors = List.copyOf(constructors);
        methods = List.copyOf(methods);
        functions = List.copyOf(functions);
    }

    public boolean isBoxed() {
        return getType != null;
    }

    /** Opaque: callers only ever hold a pointer to it. */
    public boolean isOpaque() {
        return fields.isEmpty() || disguised;
    }
}
