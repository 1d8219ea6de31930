package org.wwan4j.generator.api.qmi;

import java.util.ArrayList;
import java.util.List;
import org.wwan4j.generator.api.ApiNames;
import org.wwan4j.generator.api.qmi.ValueKind.Shape;
import org.wwan4j.generator.api.qmi.ValueKinds.Resolved;
import org.wwan4j.generator.model.Callable;
import org.wwan4j.generator.model.CallableKind;
import org.wwan4j.generator.model.Parameter;
import org.wwan4j.generator.model.RecordType;

/**
 * Emits the builder of a request's input bundle: one chained method per {@code set_xxx} TLV setter. The builder
 * only records the values; the native bundle is built on the loop thread when the request starts and unreffed
 * right after (libqmi serializes it during the call). Builders never print their values: WDS inputs carry
 * passwords.
 */
final class InputEmitter {

    private final ValueKinds kinds;
    private final QmiFfi ffi;

    InputEmitter(ValueKinds kinds, QmiFfi ffi) {
        this.kinds = kinds;
        this.ffi = ffi;
    }

    /** The nested builder class, or null when the bundle cannot be created or freed through the ffi layer. */
    String emit(String javaName, RecordType bundle, String what, Coverage coverage) {
        String create = bundle.constructors().stream().filter(c -> c.name().equals("new"))
                .map(Callable::cIdentifier).filter(ffi::hasFunction).findFirst().orElse(null);
        String unref = bundle.methods().stream().filter(c -> c.name().equals("unref"))
                .map(Callable::cIdentifier).filter(ffi::hasFunction).findFirst().orElse(null);
        if (create == null || unref == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        out.append("    /** Input of ").append(what).append(": set the TLVs to send; unset TLVs are omitted. */\n");
        out.append("    public static final class ").append(javaName).append(" extends QmiInput {\n\n");
        List<String> used = new ArrayList<>();
        for (Callable setter : bundle.methods()) {
            if (!setter.name().startsWith("set_") || setter.kind() != CallableKind.METHOD) {
                continue;
            }
            if (!setter.name().endsWith("_gir") && ffi.hasFunction(setter.cIdentifier() + "_gir")) {
                continue; // the GArray-of-structs form (not introspectable); its _gir twin is the one considered
            }
            String problem = ffi.hasFunction(setter.cIdentifier()) ? null : "not in the ffi layer";
            List<Parameter> args = setter.parameters().stream().filter(p -> !p.instance()).toList();
            List<ValueKind> argKinds = new ArrayList<>();
            for (Parameter p : args) {
                if (problem != null) {
                    break;
                }
                Resolved r = kinds.resolve(p.type());
                if (r.kind() != null && r.kind().shape() == Shape.RECORD_LIST) {
                    // A GPtrArray of element structs: settable when the element record can write itself and
                    // the setter is the _gir form (libqmi copies the elements before it returns).
                    if (!setter.name().endsWith("_gir") || args.size() != 1
                            || ElementWriter.write(r.kind().element(), kinds, "") == null) {
                        problem = p.name() + ": list input";
                    } else {
                        argKinds.add(r.kind());
                    }
                } else if (r.kind() == null || javaParam(r.kind()) == null) {
                    problem = p.name() + ": " + (r.kind() == null ? r.unsupported() : "list input");
                } else {
                    argKinds.add(r.kind());
                }
            }
            if (problem != null) {
                out.append("        // skipped ").append(setter.name()).append(": ").append(problem).append("\n\n");
                coverage.settersSkipped++;
                continue;
            }
            coverage.setters++;
            String base = setter.name().substring(4).replaceFirst("_gir$", "");
            String method = ApiNames.lowerCamel(base);
            while (used.contains(method) || method.equals("build") || method.equals("release")) {
                method = method + "_";
            }
            used.add(method);
            StringBuilder params = new StringBuilder();
            StringBuilder captures = new StringBuilder();
            StringBuilder call = new StringBuilder("self");
            List<String> arrays = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                ValueKind k = argKinds.get(i);
                String p = ApiNames.lowerCamel(args.size() == 1 ? base
                        : args.get(i).name().replaceFirst("^value_" + base + "_", "").replaceFirst("^value_", ""));
                params.append(i > 0 ? ", " : "").append(javaParam(k)).append(' ').append(p);
                captures.append(capture(k, p, "v" + i));
                String carrier = toCarrier(k, "v" + i);
                if (k.shape() == Shape.BYTES || k.shape() == Shape.RECORD_LIST) {
                    arrays.add("a" + i);
                    carrier = "a" + i;
                }
                call.append(", ").append(carrier);
            }
            call.append(", error");
            out.append("        /** Sets the '").append(base).append("' TLV. */\n");
            out.append("        public ").append(javaName).append(' ').append(method).append('(').append(params)
                    .append(") {\n").append(captures);
            out.append("            add((self, arena, error) -> {\n");
            for (int i = 0; i < args.size(); i++) {
                if (argKinds.get(i).shape() == Shape.BYTES) {
                    out.append("                java.lang.foreign.MemorySegment a").append(i)
                            .append(" = QmiValues.byteArray(v").append(i).append(");\n");
                } else if (argKinds.get(i).shape() == Shape.RECORD_LIST) {
                    // Element structs live in the build arena, which outlives every setter call.
                    out.append("                java.lang.foreign.MemorySegment a").append(i)
                            .append(" = QmiValues.ptrArray(arena, v").append(i).append(", org.wwan4j.qmi.ffi.")
                            .append(argKinds.get(i).element().cType()).append(".layout().byteSize(), ")
                            .append(argKinds.get(i).elementName()).append("::write);\n");
                }
            }
            if (arrays.isEmpty()) {
                out.append("                return ").append(ffi.classOf(setter.cIdentifier())).append('.')
                        .append(setter.cIdentifier()).append('(').append(call).append(");\n");
            } else {
                out.append("                try {\n                    return ").append(ffi.classOf(setter.cIdentifier())).append('.')
                        .append(setter.cIdentifier()).append('(').append(call).append(");\n")
                        .append("                } finally {\n");
                for (int i = 0; i < args.size(); i++) {
                    Shape shape = argKinds.get(i).shape();
                    if (shape == Shape.BYTES || shape == Shape.RECORD_LIST) {
                        out.append("                    QmiValues.").append(shape == Shape.BYTES ? "unrefArray"
                                : "unrefPtrArray").append("(a").append(i).append(");\n");
                    }
                }
                out.append("                }\n");
            }
            out.append("            });\n            return this;\n        }\n\n");
        }
        out.append("        @Override\n        java.lang.foreign.MemorySegment create() {\n")
                .append("            return ").append(ffi.classOf(create)).append('.').append(create).append("();\n        }\n\n");
        out.append("        @Override\n        void unref(java.lang.foreign.MemorySegment input) {\n")
                .append("            ").append(ffi.classOf(unref)).append('.').append(unref).append("(input);\n        }\n");
        out.append("    }\n");
        return out.toString();
    }

    private static String javaParam(ValueKind k) {
        return switch (k.shape()) {
            case U8, S8, U16, S16, S32 -> "int";
            case U32, U64, S64 -> "long";
            case BOOLEAN -> "boolean";
            case FLOAT -> "float";
            case DOUBLE -> "double";
            case STRING -> "java.lang.String";
            case ENUM -> k.enumClass();
            case FLAGS -> "java.util.Collection<" + k.enumClass() + ">";
            case BYTES -> "byte[]";
            case RECORD_LIST -> "java.util.List<" + k.elementName() + ">";
            default -> null;
        };
    }

    /** Copies the argument into an effectively final local the setter lambda captures. */
    private static String capture(ValueKind k, String param, String local) {
        String indent = "            ";
        return switch (k.shape()) {
            case STRING -> indent + "java.lang.String " + local + " = java.util.Objects.requireNonNull(" + param
                    + ", \"" + param + "\");\n";
            case ENUM -> indent + "long " + local + " = java.util.Objects.requireNonNull(" + param + ", \"" + param
                    + "\").value();\n";
            case FLAGS -> indent + "long " + local + " = " + k.enumClass() + ".toValue(" + param + ");\n";
            case BYTES -> indent + "byte[] " + local + " = " + param + ".clone();\n";
            case RECORD_LIST -> indent + "var " + local + " = java.util.List.copyOf(" + param + ");\n";
            default -> indent + "var " + local + " = " + param + ";\n";
        };
    }

    private static String toCarrier(ValueKind k, String v) {
        return switch (k.shape()) {
            case U8, S8 -> "(byte) " + v;
            case U16, S16 -> "(short) " + v;
            case U32 -> "(int) " + v;
            case S32, U64, S64, FLOAT, DOUBLE -> v;
            case BOOLEAN -> v + " ? 1 : 0";
            case STRING -> "arena.allocateFrom(" + v + ")";
            case ENUM, FLAGS -> k.wide() ? v : "(int) " + v;
            default -> v;
        };
    }
}
