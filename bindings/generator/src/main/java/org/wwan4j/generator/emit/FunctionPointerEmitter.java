package org.wwan4j.generator.emit;

import java.util.ArrayList;
import java.util.List;
import org.wwan4j.generator.select.Declaration;
import org.wwan4j.generator.select.Support;
import org.wwan4j.generator.types.CType;

/**
 * Emits a jextract-style function-pointer class for a GIR callback: a {@code Function} interface, the
 * descriptor, {@code allocate} (an upcall stub in the caller's arena) and {@code invoke} (a downcall through a
 * pointer).
 */
final class FunctionPointerEmitter {

    private final HeaderContext header;
    private final FunctionEmitter functions;

    FunctionPointerEmitter(HeaderContext header) {
        this.header = header;
        this.functions = new FunctionEmitter(header);
    }

    SourceFile emit(Declaration.FunctionPointer pointer, Support.Signature signature) {
        String name = JavaText.identifier(pointer.callback().cType());
        List<String> javaNames = new ArrayList<>();
        List<String> declared = new ArrayList<>();
        for (int i = 0; i < signature.parameterNames().size(); i++) {
            String id = JavaText.identifier(signature.parameterNames().get(i));
            javaNames.add(id);
            declared.add(signature.parameters().get(i).javaType() + " " + id);
        }
        String ret = signature.returnType().javaType();
        String params = String.join(", ", declared);
        StringBuilder out = new StringBuilder(header.packageLine());
        out.append("import java.lang.foreign.*;\nimport java.lang.invoke.*;\n\n");
        out.append(JavaText.javadoc("", CDeclarations.functionPointerTypedef(pointer.callback().cType(), signature),
                pointer.callback().doc()));
        out.append("@SuppressWarnings(\"restricted\")\n");
        out.append("public class ").append(name).append(" {\n\n");
        out.append("    ").append(name).append("() {\n        // Static members only.\n    }\n\n");
        out.append("    /** The function pointer signature, expressed as a functional interface. */\n");
        out.append("    public interface Function {\n        ").append(ret).append(" apply(").append(params)
                .append(");\n    }\n\n");
        out.append("    private static final FunctionDescriptor $DESC = ")
                .append(functions.descriptor(signature).replace("\n        ", "\n    ")).append(";\n\n");
        out.append("    /** The descriptor of this function pointer. */\n");
        out.append("    public static FunctionDescriptor descriptor() {\n        return $DESC;\n    }\n\n");
        out.append("    private static final MethodHandle UP$MH = ").append(header.headerClassName())
                .append(".upcallHandle(").append(name).append(".Function.class, \"apply\", $DESC);\n\n");
        out.append("    /**\n     * Allocates a new upcall stub, whose implementation is defined by {@code fi}.\n")
                .append("     * The lifetime of the returned segment is managed by {@code arena}.\n     */\n");
        out.append("    public static MemorySegment allocate(").append(name).append(".Function fi, Arena arena) {\n")
                .append("        return Linker.nativeLinker().upcallStub(UP$MH.bindTo(fi), $DESC, arena);\n    }\n\n");
        out.append("    private static final MethodHandle DOWN$MH = Linker.nativeLinker().downcallHandle($DESC);\n\n");
        out.append("    /** Invoke the function pointer {@code funcPtr} with the given arguments. */\n");
        out.append("    public static ").append(ret).append(" invoke(MemorySegment funcPtr")
                .append(declared.isEmpty() ? "" : ", " + params).append(") {\n");
        out.append("        try {\n");
        String args = "funcPtr" + (javaNames.isEmpty() ? "" : ", " + String.join(", ", javaNames));
        if (signature.returnType() == CType.VOID) {
            out.append("            DOWN$MH.invokeExact(").append(args).append(");\n");
        } else {
            out.append("            return (").append(ret).append(") DOWN$MH.invokeExact(").append(args).append(");\n");
        }
        out.append("        } catch (Error | RuntimeException ex) {\n            throw ex;\n")
                .append("        } catch (Throwable ex$) {\n")
                .append("            throw new AssertionError(\"should not reach here\", ex$);\n        }\n    }\n}\n");
        return new SourceFile(name, out.toString());
    }
}
