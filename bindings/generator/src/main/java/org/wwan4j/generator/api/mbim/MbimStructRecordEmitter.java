package org.wwan4j.generator.api.mbim;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.wwan4j.generator.emit.JavaText;
import org.wwan4j.generator.emit.SourceFile;
import org.wwan4j.generator.model.Field;
import org.wwan4j.generator.model.RecordType;

/**
 * Emits the Java record of one libmbim struct ({@code MbimProvider} gives {@code Provider}) with
 * {@code fromNative} (copies the C struct, called while libmbim still owns it) and, when every field maps,
 * {@code toNative} (writes it into an arena for a builder).
 */
final class MbimStructRecordEmitter {

    private final String targetPackage;
    private final String ffiPackage;
    private final MbimTypeMapper mapper;
    private final MbimStructNames names;

    MbimStructRecordEmitter(String targetPackage, String ffiPackage, MbimTypeMapper mapper, MbimStructNames names) {
        this.targetPackage = targetPackage;
        this.ffiPackage = ffiPackage;
        this.mapper = mapper;
        this.names = names;
    }

    SourceFile emit(RecordType record) {
        String name = names.javaName(record);
        String cStruct = record.cType();
        List<String> components = new ArrayList<>();
        List<String> reads = new ArrayList<>();
        List<String> writes = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Field field : record.fields()) {
            Optional<MbimValueType> type = mapper.forField(field);
            if (type.isEmpty()) {
                skipped.add(field.name());
                continue;
            }
            String component = MbimNames.component(field.name());
            components.add(type.get().javaType() + " " + component);
            reads.add(MbimValueCode.readField(type.get(), cStruct, field.name(), "struct"));
            writes.add(MbimValueCode.writeField(type.get(), cStruct, field.name(), "struct", "value." + component + "()"));
        }
        StringBuilder out = new StringBuilder();
        out.append("package ").append(targetPackage).append(";\n\n");
        out.append("""
                import java.lang.foreign.Arena;
                import java.lang.foreign.MemorySegment;
                import java.net.InetAddress;
                import java.util.UUID;
                import %s.%s;

                """.formatted(ffiPackage, cStruct));
        String sentence = JavaText.firstSentence(record.doc());
        out.append("/**\n * ").append(JavaText.doc(sentence.isEmpty() ? "The libmbim struct " + cStruct + "." : sentence))
                .append("\n * <p>A copy of {@code ").append(cStruct).append("}; generated, never edit.");
        if (!skipped.isEmpty()) {
            out.append(" Fields not carried (no Java mapping yet): ").append(String.join(", ", skipped)).append('.');
        }
        out.append("\n */\n");
        out.append("public record ").append(name).append("(").append(String.join(", ", components)).append(") {\n\n");
        out.append("    /** Copies the C struct at {@code pointer}; the caller frees it. */\n");
        out.append("    public static ").append(name).append(" fromNative(MemorySegment pointer) {\n");
        out.append("        MemorySegment struct = pointer.reinterpret(").append(cStruct).append(".sizeof());\n");
        out.append("        return new ").append(name).append("(");
        for (int i = 0; i < reads.size(); i++) {
            out.append(i == 0 ? "\n                " : ",\n                ").append(reads.get(i));
        }
        out.append(");\n    }\n");
        if (names.writable(record)) {
            out.append("\n    /** Writes this value into a new C struct in {@code arena}, for a message builder. */\n");
            out.append("    public static MemorySegment toNative(").append(name).append(" value, Arena arena) {\n");
            out.append("        MemorySegment struct = ").append(cStruct).append(".allocate(arena);\n");
            for (String write : writes) {
                out.append("        ").append(write).append('\n');
            }
            out.append("        return struct;\n    }\n");
        }
        out.append("}\n");
        return new SourceFile(name, out.toString());
    }
}
