package org.wwan4j.generator.api.qmi;

import java.util.ArrayList;
import java.util.List;
import org.wwan4j.generator.api.ApiNames;
import org.wwan4j.generator.emit.JavaText;
import org.wwan4j.generator.model.Field;
import org.wwan4j.generator.model.RecordType;

/**
 * The {@code write} method of an element record, so list inputs (GPtrArray of element structs) can be set. Only
 * elements whose every field is a plain number, boolean, enum or flags are writable: a field left out of the
 * record could not be set, and pointer fields would need an owner.
 */
final class ElementWriter {

    private ElementWriter() {
    }

    /**
     * The method text (null components stay zero: the struct is zero-filled), or null if not writable. Only
     * input elements get one (their C type says Input), so output-only records carry no extra code.
     */
    static String write(RecordType record, ValueKinds kinds, String indent) {
        if (!record.cType().contains("Input")) {
            return null;
        }
        String struct = "org.wwan4j.qmi.ffi." + record.cType();
        List<String> lines = new ArrayList<>();
        List<String> used = new ArrayList<>();
        for (Field f : record.fields()) {
            if (f.isPrivate() || f.isBitField() || f.anonymous() || f.type() == null) {
                return null;
            }
            ValueKinds.Resolved r = kinds.resolveField(f.name(), f.type());
            String name = ApiNames.lowerCamel(f.name());
            if (r.kind() == null || used.contains(name)) {
                return null;
            }
            used.add(name);
            String carrier = carrier(r.kind(), name);
            if (carrier == null) {
                return null;
            }
            lines.add(indent + "        if (" + name + " != null) {\n" + indent + "            " + struct + "."
                    + JavaText.identifier(f.name()) + "(s, " + carrier + ");\n" + indent + "        }\n");
        }
        return indent + "    void write(java.lang.foreign.MemorySegment s) {\n" + String.join("", lines)
                + indent + "    }\n";
    }

    /** The record component (boxed) as the ffi setter's carrier type. */
    private static String carrier(ValueKind k, String v) {
        return switch (k.shape()) {
            case U8, S8 -> "(byte) (int) " + v;
            case U16, S16 -> "(short) (int) " + v;
            case S32 -> "(int) " + v;
            case U32 -> "(int) (long) " + v;
            case U64, S64 -> "(long) " + v;
            case FLOAT -> "(float) " + v;
            case DOUBLE -> "(double) " + v;
            case BOOLEAN -> v + " ? 1 : 0";
            case ENUM, FLAGS -> k.wide() ? v + ".raw()" : "(int) " + v + ".raw()";
            default -> null;
        };
    }
}
