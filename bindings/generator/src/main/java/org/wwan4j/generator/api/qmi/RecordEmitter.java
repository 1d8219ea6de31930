package org.wwan4j.generator.api.qmi;

import java.util.ArrayList;
import java.util.List;
import org.wwan4j.generator.api.ApiNames;
import org.wwan4j.generator.api.qmi.ValueKinds.Resolved;
import org.wwan4j.generator.emit.JavaText;
import org.wwan4j.generator.model.Callable;
import org.wwan4j.generator.model.Direction;
import org.wwan4j.generator.model.Field;
import org.wwan4j.generator.model.Parameter;
import org.wwan4j.generator.model.RecordType;

/**
 * Emits the Java record copying a libqmi output bundle (a response or an indication), through every supported
 * {@code get_xxx} TLV getter, or an element struct, through its generated ffi field accessors. A record's
 * {@code read(MemorySegment)} runs on the loop thread inside the callback, so everything is copied before libqmi
 * frees the bundle. Unsupported getters/fields are left out with a comment saying why.
 */
final class RecordEmitter {

    /** Components beyond this would hit the JVM's limit of 255 constructor parameter slots. */
    private static final int MAX_COMPONENTS = 120;

    /** Out-parameter slots QmiValues.slots() provides per loop thread. */
    private static final int MAX_OUTS = 32;

    private final ValueKinds kinds;
    private final QmiFfi ffi;

    RecordEmitter(ValueKinds kinds, QmiFfi ffi) {
        this.kinds = kinds;
        this.ffi = ffi;
    }

    private record Component(String name, String type, String doc) { }

    /**
     * The nested record for an output bundle, as source text indented by four spaces.
     *
     * @param skipResult true for responses (whose result TLV is checked separately)
     */
    String output(String javaName, RecordType bundle, String what, boolean skipResult, Coverage coverage) {
        List<Component> components = new ArrayList<>();
        List<String> nested = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        StringBuilder read = new StringBuilder();
        int maxOuts = 1;
        List<String> used = new ArrayList<>();
        for (Callable getter : bundle.methods()) {
            if (!getter.name().startsWith("get_") || (skipResult && getter.name().equals("get_result"))) {
                continue;
            }
            if (!getter.name().endsWith("_gir") && ffi.hasFunction(getter.cIdentifier() + "_gir")) {
                continue; // the GArray-of-structs form (not introspectable); its _gir twin is the one used
            }
            if (!ffi.hasFunction(getter.cIdentifier())) {
                skipped.add(getter.name() + ": not in the ffi layer");
                coverage.gettersSkipped++;
                continue;
            }
            List<Parameter> outs = getter.parameters().stream().filter(p -> !p.instance()).toList();
            List<ValueKind> outKinds = new ArrayList<>();
            String problem = outs.isEmpty() ? "no value" : null;
            for (Parameter p : outs) {
                if (p.direction() != Direction.OUT) {
                    problem = "parameter " + p.name() + " is not an out parameter";
                    break;
                }
                Resolved r = kinds.resolve(p.type());
                if (r.kind() == null) {
                    problem = p.name() + ": " + r.unsupported();
                    break;
                }
                outKinds.add(r.kind());
            }
            if (problem == null && outs.size() > MAX_OUTS) {
                problem = "more than " + MAX_OUTS + " values in one TLV";
            }
            if (problem == null && components.size() >= MAX_COMPONENTS) {
                problem = "too many TLVs for one record";
            }
            if (problem != null) {
                skipped.add(getter.name() + ": " + problem);
                coverage.gettersSkipped++;
                continue;
            }
            coverage.getters++;
            String base = getter.name().substring(4);
            if (base.endsWith("_gir")) {
                base = base.substring(0, base.length() - 4);
            }
            String name = unique(ApiNames.lowerCamel(base), used);
            maxOuts = Math.max(maxOuts, outs.size());
            StringBuilder args = new StringBuilder("self");
            for (int i = 0; i < outs.size(); i++) {
                args.append(", s").append(i);
            }
            args.append(", java.lang.foreign.MemorySegment.NULL");
            String type;
            String value;
            if (outs.size() == 1) {
                type = outKinds.get(0).javaType();
                value = outKinds.get(0).fromCarrier("s0.get(" + outKinds.get(0).slotLayout() + ", 0)");
            } else {
                type = ApiNames.upperCamel(base) + "Tlv";
                StringBuilder rec = new StringBuilder("        /** The '" + base + "' TLV. */\n        public record "
                        + type + "(");
                StringBuilder values = new StringBuilder();
                List<String> usedInner = new ArrayList<>();
                for (int i = 0; i < outs.size(); i++) {
                    String inner = outs.get(i).name().replaceFirst("^value_" + base + "_", "").replaceFirst("^value_", "");
                    rec.append(i > 0 ? ", " : "").append(outKinds.get(i).javaType()).append(' ')
                            .append(unique(ApiNames.lowerCamel(inner), usedInner));
                    values.append(i > 0 ? ", " : "").append(outKinds.get(i)
                            .fromCarrier("s" + i + ".get(" + outKinds.get(i).slotLayout() + ", 0)"));
                }
                rec.append(") { }\n");
                nested.add(rec.toString());
                value = "new " + type + "(" + values + ")";
            }
            components.add(new Component(name, type, "the '" + base + "' TLV, or null when absent"));
            read.append("            ").append(type).append(' ').append(name).append(" = null;\n")
                    .append("            if (").append(ffi.classOf(getter.cIdentifier())).append('.').append(getter.cIdentifier())
                    .append('(').append(args).append(") != 0) {\n")
                    .append("                ").append(name).append(" = ").append(value).append(";\n")
                    .append("            }\n");
        }
        StringBuilder out = new StringBuilder();
        out.append("    /**\n     * ").append(JavaText.doc(what)).append(" Components are null when the modem did not send the TLV.\n");
        for (Component c : components) {
            out.append("     * @param ").append(c.name()).append(' ').append(c.doc()).append('\n');
        }
        out.append("     */\n    public record ").append(javaName).append('(');
        appendComponents(out, components);
        out.append(") {\n\n");
        for (String s : skipped) {
            out.append("        // skipped ").append(s).append('\n');
        }
        for (String n : nested) {
            out.append(n).append('\n');
        }
        out.append("        static ").append(javaName).append(" read(java.lang.foreign.MemorySegment self) {\n");
        if (!components.isEmpty()) {
            out.append("            java.lang.foreign.MemorySegment slots = QmiValues.slots();\n");
            for (int i = 0; i < maxOuts; i++) {
                out.append("            java.lang.foreign.MemorySegment s").append(i).append(" = slots.asSlice(")
                        .append(8 * i).append(", 8);\n");
            }
        }
        out.append(read);
        out.append("            return new ").append(javaName).append('(')
                .append(String.join(", ", components.stream().map(Component::name).toList())).append(");\n");
        out.append("        }\n    }\n");
        return out.toString();
    }

    /** The record for an element struct, read field by field through its ffi struct class. */
    String element(ElementRecords.Placement placement, boolean nested) {
        RecordType record = placement.record();
        String struct = "org.wwan4j.qmi.ffi." + record.cType();
        String indent = nested ? "    " : "";
        List<Component> components = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<String> values = new ArrayList<>();
        List<String> used = new ArrayList<>();
        for (Field f : record.fields()) {
            if (f.isPrivate() || f.isBitField() || f.anonymous() || f.type() == null) {
                skipped.add(f.name() + ": not a plain field");
                continue;
            }
            if (f.type().kind() == org.wwan4j.generator.model.TypeRef.Kind.ARRAY && f.type().fixedSize() > 0) {
                skipped.add(f.name() + ": fixed-size array");
                continue;
            }
            Resolved r = kinds.resolveField(f.name(), f.type());
            if (r.kind() == null) {
                skipped.add(f.name() + ": " + r.unsupported());
                continue;
            }
            String name = unique(ApiNames.lowerCamel(f.name()), used);
            components.add(new Component(name, r.kind().javaType(), "the '" + f.name() + "' field"));
            values.add(r.kind().fromCarrier(struct + "." + JavaText.identifier(f.name()) + "(s)"));
        }
        StringBuilder out = new StringBuilder();
        out.append(indent).append("/** One {@code ").append(record.cType()).append("}. */\n");
        out.append(indent).append("public record ").append(placement.simpleName()).append('(');
        appendComponents(out, components);
        out.append(") {\n");
        for (String s : skipped) {
            out.append(indent).append("    // skipped ").append(s).append('\n');
        }
        out.append(indent).append("    static ").append(placement.simpleName())
                .append(" read(java.lang.foreign.MemorySegment element) {\n");
        out.append(indent).append("        java.lang.foreign.MemorySegment s = element.reinterpret(").append(struct)
                .append(".layout().byteSize());\n");
        out.append(indent).append("        return new ").append(placement.simpleName()).append('(')
                .append(String.join(",\n" + indent + "                ", values)).append(");\n");
        out.append(indent).append("    }\n");
        String write = skipped.isEmpty() ? ElementWriter.write(record, kinds, indent) : null;
        if (write != null) {
            out.append(write);
        }
        out.append(indent).append("}\n");
        return out.toString();
    }

    private static void appendComponents(StringBuilder out, List<Component> components) {
        for (int i = 0; i < components.size(); i++) {
            out.append(i > 0 ? ",\n            " : "").append(components.get(i).type()).append(' ')
                    .append(components.get(i).name());
        }
    }

    private static String unique(String name, List<String> used) {
        String candidate = name;
        while (used.contains(candidate)) {
            candidate = candidate + "_";
        }
        used.add(candidate);
        return candidate;
    }
}
