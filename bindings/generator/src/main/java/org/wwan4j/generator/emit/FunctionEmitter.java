package org.wwan4j.generator.emit;

import java.util.ArrayList;
import java.util.List;
import org.wwan4j.generator.model.Callable;
import org.wwan4j.generator.select.Support;
import org.wwan4j.generator.types.CType;

/**
 * Emits one C function in jextract's shape: a private holder class whose static initialiser links the symbol
 * (so linking happens on first use, and a missing symbol fails only that call), accessors for its descriptor,
 * handle and address, and a static wrapper named exactly like the C function.
 */
final class FunctionEmitter {

    private final HeaderContext header;

    FunctionEmitter(HeaderContext header) {
        this.header = header;
    }

    String emit(Callable callable, Support.Signature signature, String holderName) {
        String name = callable.cIdentifier();
        List<String> javaNames = new ArrayList<>();
        for (String p : signature.parameterNames()) {
            javaNames.add(JavaText.identifier(p));
        }
        StringBuilder out = new StringBuilder();
        out.append("    private static class ").append(holderName).append(" {\n");
        out.append("        public static final FunctionDescriptor DESC = ").append(descriptor(signature)).append(";\n\n");
        out.append("        public static final MemorySegment ADDR = ").append(header.headerClassName())
                .append(".findOrThrow(").append(JavaText.stringLiteral(name)).append(");\n\n");
        out.append("        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);\n");
        out.append("    }\n\n");
        String cDecl = CDeclarations.function(name, signature);
        accessor(out, cDecl, "Function descriptor for:", "FunctionDescriptor", name + "$descriptor", holderName + ".DESC");
        accessor(out, cDecl, "Downcall method handle for:", "MethodHandle", name + "$handle", holderName + ".HANDLE");
        accessor(out, cDecl, "Address for:", "MemorySegment", name + "$address", holderName + ".ADDR");
        out.append(JavaText.javadoc("    ", cDecl, callable.doc()));
        out.append("    public static ").append(signature.returnType().javaType()).append(' ').append(name).append('(');
        List<String> declared = new ArrayList<>();
        for (int i = 0; i < javaNames.size(); i++) {
            declared.add(signature.parameters().get(i).javaType() + " " + javaNames.get(i));
        }
        out.append(String.join(", ", declared)).append(") {\n");
        out.append("        var mh$ = ").append(holderName).append(".HANDLE;\n");
        out.append("        try {\n");
        out.append("            if (TRACE_DOWNCALLS) {\n");
        out.append("                traceDowncall(").append(JavaText.stringLiteral(name));
        for (String p : javaNames) {
            out.append(", ").append(p);
        }
        out.append(");\n");
        out.append("            }\n");
        String args = String.join(", ", javaNames);
        if (signature.returnType() == CType.VOID) {
            out.append("            mh$.invokeExact(").append(args).append(");\n");
        } else {
            out.append("            return (").append(signature.returnType().javaType()).append(") mh$.invokeExact(")
                    .append(args).append(");\n");
        }
        out.append("        } catch (Error | RuntimeException ex) {\n");
        out.append("            throw ex;\n");
        out.append("        } catch (Throwable ex$) {\n");
        out.append("            throw new AssertionError(\"should not reach here\", ex$);\n");
        out.append("        }\n");
        out.append("    }\n\n");
        return out.toString();
    }

    private static void accessor(StringBuilder out, String cDecl, String what, String type, String method, String value) {
        out.append("    /**\n     * ").append(what).append("\n     * {@snippet lang=c :\n     * ")
                .append(JavaText.snippet(cDecl)).append("\n     * }\n     */\n");
        out.append("    public static ").append(type).append(' ').append(method).append("() {\n");
        out.append("        return ").append(value).append(";\n    }\n\n");
    }

    /** {@code FunctionDescriptor.of(ret, args...)} or {@code ofVoid(args...)} over the header's layouts. */
    String descriptor(Support.Signature signature) {
        List<String> layouts = new ArrayList<>();
        for (CType p : signature.parameters()) {
            layouts.add(header.layout(p.layoutName()));
        }
        if (signature.returnType() == CType.VOID) {
            return layouts.isEmpty() ? "FunctionDescriptor.ofVoid()"
                    : "FunctionDescriptor.ofVoid(\n            " + String.join(",\n            ", layouts) + "\n        )";
        }
        layouts.addFirst(header.layout(signature.returnType().layoutName()));
        return "FunctionDescriptor.of(\n            " + String.join(",\n            ", layouts) + "\n        )";
    }
}
