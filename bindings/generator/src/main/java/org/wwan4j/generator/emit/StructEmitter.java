package org.wwan4j.generator.emit;

import java.util.ArrayList;
import java.util.List;
import org.wwan4j.generator.model.Field;
import org.wwan4j.generator.model.TypeRef;
import org.wwan4j.generator.select.Declaration;
import org.wwan4j.generator.types.CType;
import org.wwan4j.generator.types.Lowered;
import org.wwan4j.generator.types.StructLayout;

/**
 * Emits a jextract-style struct class for a record with fields: its layout, allocation and slicing helpers, and
 * per field a getter, a setter, {@code f$layout()} and {@code f$offset()}. Bit-fields have no accessors.
 */
final class StructEmitter {

    private final HeaderContext header;

    StructEmitter(HeaderContext header) {
        this.header = header;
    }

    SourceFile emit(Declaration.Struct struct) {
        StructLayout layout = struct.layout();
        String name = JavaText.identifier(struct.record().cType());
        StringBuilder out = new StringBuilder(header.packageLine());
        out.append("""
                import java.lang.foreign.*;
                import java.util.function.*;

                import static java.lang.foreign.ValueLayout.*;
                import static java.lang.foreign.MemoryLayout.PathElement.*;

                """);
        out.append(JavaText.javadoc("", cSnippet(struct), struct.record().doc()));
        out.append("@SuppressWarnings(\"restricted\")\n");
        out.append("public class ").append(name).append(" {\n\n");
        out.append("    ").append(name).append("() {\n        // Static members only.\n    }\n\n");
        out.append("    private static final GroupLayout $LAYOUT = ").append(layoutExpression(layout, "    ")).append(";\n\n");
        out.append("""
                    /** The layout of this struct. */
                    public static final GroupLayout layout() {
                        return $LAYOUT;
                    }

                """);
        for (StructLayout.Member member : layout.members()) {
            if (member instanceof StructLayout.FieldMember field) {
                out.append(accessors(field));
            } else if (member instanceof StructLayout.BitFieldStorage bits) {
                out.append("    // Bit-fields ").append(String.join(", ", bits.fieldNames()))
                        .append(": no accessors (their bit positions are compiler-defined).\n\n");
            }
        }
        out.append(helpers(name));
        out.append("}\n");
        return new SourceFile(name, out.toString());
    }

    private static String cSnippet(Declaration.Struct struct) {
        StringBuilder c = new StringBuilder("struct ").append(struct.record().cType()).append(" {\n");
        for (Field f : struct.record().fields()) {
            c.append("    ");
            if (f.type() == null) {
                c.append("void (*").append(f.name()).append(")()");
            } else if (f.type().kind() == TypeRef.Kind.ARRAY && f.type().fixedSize() > 0 && f.type().element() != null
                    && (f.type().cType() == null || !f.type().cType().contains("*"))) {
                c.append(f.type().element().cDeclarationType()).append(' ').append(f.name())
                        .append('[').append(f.type().fixedSize()).append(']');
            } else {
                c.append(CDeclarations.declarator(f.type().cDeclarationType(), f.name()));
            }
            c.append(f.isBitField() ? " : " + f.bits() : "").append(";\n");
        }
        return c.append("}").toString();
    }

    /** {@code MemoryLayout.structLayout(...)}, nested structs written out inline so the class stands alone. */
    private String layoutExpression(StructLayout layout, String indent) {
        List<String> elements = new ArrayList<>();
        for (StructLayout.Member member : layout.members()) {
            switch (member) {
                case StructLayout.Padding p -> elements.add("MemoryLayout.paddingLayout(" + p.byteSize() + ")");
                case StructLayout.BitFieldStorage b -> elements.add("MemoryLayout.paddingLayout(" + b.byteSize() + ")");
                case StructLayout.FieldMember f -> elements.add(fieldLayout(f, indent + "    ")
                        + ".withName(" + JavaText.stringLiteral(f.name()) + ")");
            }
        }
        String inner = indent + "    ";
        return "MemoryLayout.structLayout(\n" + inner + String.join(",\n" + inner, elements) + "\n" + indent
                + ").withName(" + JavaText.stringLiteral(layout.cName()) + ")";
    }

    private String fieldLayout(StructLayout.FieldMember field, String indent) {
        return switch (field.type()) {
            case Lowered.Scalar s -> header.layout(s.type().layoutName());
            case Lowered.FixedArray a -> "MemoryLayout.sequenceLayout(" + a.count() + ", "
                    + header.layout(((Lowered.Scalar) a.element()).type().layoutName()) + ")";
            case Lowered.StructByValue s -> layoutExpression(field.nested(), indent);
            case Lowered.Unsupported u -> throw new IllegalStateException(u.reason());
        };
    }

    private static String accessors(StructLayout.FieldMember field) {
        String id = JavaText.identifier(field.name());
        String quoted = JavaText.stringLiteral(field.name());
        StringBuilder out = new StringBuilder();
        if (field.type() instanceof Lowered.Scalar s) {
            CType t = s.type();
            String layoutClass = t == CType.POINTER ? "AddressLayout" : t.layoutClass();
            out.append("    private static final ").append(layoutClass).append(' ').append(id).append("$LAYOUT = (")
                    .append(layoutClass).append(") $LAYOUT.select(groupElement(").append(quoted).append("));\n\n");
            out.append(layoutAndOffset(id, layoutClass, quoted, field.name()));
            out.append("    /** Getter for field {@code ").append(field.name()).append("}. */\n");
            out.append("    public static ").append(t.javaType()).append(' ').append(id)
                    .append("(MemorySegment struct) {\n        return struct.get(").append(id).append("$LAYOUT, ")
                    .append(id).append("$OFFSET);\n    }\n\n");
            out.append("    /** Setter for field {@code ").append(field.name()).append("}. */\n");
            out.append("    public static void ").append(id).append("(MemorySegment struct, ").append(t.javaType())
                    .append(" fieldValue) {\n        struct.set(").append(id).append("$LAYOUT, ").append(id)
                    .append("$OFFSET, fieldValue);\n    }\n\n");
        } else {
            String layoutClass = field.type() instanceof Lowered.FixedArray ? "SequenceLayout" : "GroupLayout";
            out.append("    private static final ").append(layoutClass).append(' ').append(id).append("$LAYOUT = (")
                    .append(layoutClass).append(") $LAYOUT.select(groupElement(").append(quoted).append("));\n\n");
            out.append(layoutAndOffset(id, layoutClass, quoted, field.name()));
            out.append("    /** Getter for field {@code ").append(field.name()).append("}: a slice of the struct. */\n");
            out.append("    public static MemorySegment ").append(id).append("(MemorySegment struct) {\n")
                    .append("        return struct.asSlice(").append(id).append("$OFFSET, ").append(id)
                    .append("$LAYOUT.byteSize());\n    }\n\n");
            out.append("    /** Setter for field {@code ").append(field.name()).append("}: copies the bytes in. */\n");
            out.append("    public static void ").append(id).append("(MemorySegment struct, MemorySegment fieldValue) {\n")
                    .append("        MemorySegment.copy(fieldValue, 0L, struct, ").append(id).append("$OFFSET, ")
                    .append(id).append("$LAYOUT.byteSize());\n    }\n\n");
        }
        return out.toString();
    }

    private static String layoutAndOffset(String id, String layoutClass, String quoted, String cName) {
        return "    /** Layout for field {@code " + cName + "}. */\n"
                + "    public static final " + layoutClass + " " + id + "$layout() {\n        return " + id
                + "$LAYOUT;\n    }\n\n"
                + "    private static final long " + id + "$OFFSET = $LAYOUT.byteOffset(groupElement(" + quoted + "));\n\n"
                + "    /** Offset for field {@code " + cName + "}. */\n"
                + "    public static final long " + id + "$offset() {\n        return " + id + "$OFFSET;\n    }\n\n";
    }

    private static String helpers(String name) {
        return """
                    /** Obtains a slice of {@code array} which selects the array element at {@code index}. */
                    public static MemorySegment asSlice(MemorySegment array, long index) {
                        return array.asSlice(layout().byteSize() * index);
                    }

                    /** The size (in bytes) of this struct. */
                    public static long sizeof() {
                        return layout().byteSize();
                    }

                    /** Allocate a segment of size {@code layout().byteSize()} using {@code allocator}. */
                    public static MemorySegment allocate(SegmentAllocator allocator) {
                        return allocator.allocate(layout());
                    }

                    /** Allocate an array of size {@code elementCount} using {@code allocator}. */
                    public static MemorySegment allocateArray(long elementCount, SegmentAllocator allocator) {
                        return allocator.allocate(MemoryLayout.sequenceLayout(elementCount, layout()));
                    }

                    /** Reinterprets {@code addr} using target {@code arena} and {@code cleanupAction} (if any). */
                    public static MemorySegment reinterpret(MemorySegment addr, Arena arena, Consumer<MemorySegment> cleanup) {
                        return reinterpret(addr, 1, arena, cleanup);
                    }

                    /** Reinterprets {@code addr} as an array of {@code elementCount} structs in {@code arena}. */
                    public static MemorySegment reinterpret(MemorySegment addr, long elementCount, Arena arena,
                                                            Consumer<MemorySegment> cleanup) {
                        return addr.reinterpret(layout().byteSize() * elementCount, arena, cleanup);
                    }
                """;
    }
}
