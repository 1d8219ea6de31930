package org.wwan4j.generator.api.mbim;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.wwan4j.generator.api.JavaEnumEmitter;
import org.wwan4j.generator.model.Callable;
import org.wwan4j.generator.model.EnumType;
import org.wwan4j.generator.model.Field;
import org.wwan4j.generator.model.Namespace;
import org.wwan4j.generator.model.RecordType;
import org.wwan4j.generator.model.TypeRef;

/**
 * Decides how each parser out-parameter, builder argument and struct field of libmbim maps to Java. An empty
 * result means "not supported": the emitters then skip the out-parameter (passing NULL, which libmbim allows) or
 * the whole builder, and count it in the coverage report.
 */
final class MbimTypeMapper {

    private final Map<String, EnumType> enums = new HashMap<>();
    private final Map<String, RecordType> records = new HashMap<>();
    private final JavaEnumEmitter enumNames;
    private final MbimStructNames structNames;

    MbimTypeMapper(Namespace namespace, JavaEnumEmitter enumNames, MbimStructNames structNames) {
        namespace.enums().forEach(e -> enums.put(e.name(), e));
        namespace.records().forEach(r -> records.put(r.name(), r));
        this.enumNames = enumNames;
        this.structNames = structNames;
    }

    /** An out-parameter of a {@code _response_parse}/{@code _notification_parse}. */
    Optional<MbimValueType> forOut(TypeRef type) {
        if (type.kind() == TypeRef.Kind.ARRAY) {
            return outArray(type);
        }
        String name = type.girName();
        String c = type.cType() == null ? "" : type.cType();
        Optional<MbimValueType> numeric = numeric(name, stars(c) == 1);
        if (numeric.isPresent()) {
            return numeric;
        }
        if ("utf8".equals(name) && stars(c) == 2) {
            return Optional.of(MbimValueType.simple(MbimValueKind.STRING, "String"));
        }
        if (enums.containsKey(name) && stars(c) == 1) {
            return Optional.of(enumType(enums.get(name)));
        }
        if (stars(c) == 2 && c.startsWith("const ")) {
            return pointee(name);
        }
        RecordType record = records.get(name);
        if (record != null && stars(c) == 2 && structNames.has(record)) {
            return freeFunction(record, false)
                    .map(free -> new MbimValueType(MbimValueKind.STRUCT, structNames.javaName(record),
                            structNames.javaName(record), record.cType(), free, -1));
        }
        return Optional.empty();
    }

    private Optional<MbimValueType> outArray(TypeRef type) {
        TypeRef element = type.element();
        if (element == null) {
            return Optional.empty();
        }
        String name = element.girName();
        if ("utf8".equals(name)) {
            return Optional.of(MbimValueType.simple(MbimValueKind.STRING_ARRAY, "List<String>"));
        }
        if ("guint8".equals(name)) {
            return Optional.of(new MbimValueType(MbimValueKind.BYTES, "byte[]", null, null, null, type.fixedSize()));
        }
        if ("IPv4".equals(name)) {
            return Optional.of(MbimValueType.simple(MbimValueKind.IPV4_ARRAY, "List<InetAddress>"));
        }
        if ("IPv6".equals(name)) {
            return Optional.of(MbimValueType.simple(MbimValueKind.IPV6_ARRAY, "List<InetAddress>"));
        }
        RecordType record = records.get(name);
        if (record != null && structNames.has(record) && type.cType() != null && type.cType().endsWith("Array**")) {
            return freeFunction(record, true).map(free -> structArray(record, free));
        }
        return Optional.empty();
    }

    /** A builder argument of a {@code _query_new}/{@code _set_new}. */
    Optional<MbimValueType> forIn(TypeRef type) {
        if (type.kind() == TypeRef.Kind.ARRAY) {
            return inArray(type);
        }
        String name = type.girName();
        String c = type.cType() == null ? "" : type.cType();
        if (stars(c) == 0) {
            Optional<MbimValueType> numeric = numeric(name, true);
            if (numeric.isPresent()) {
                return numeric;
            }
            if (enums.containsKey(name)) {
                EnumType e = enums.get(name);
                String java = enumNames.className(e);
                return Optional.of(new MbimValueType(e.flags() ? MbimValueKind.FLAGS : MbimValueKind.ENUM,
                        e.flags() ? "Set<" + java + ">" : java, java, null, null, -1));
            }
            return Optional.empty();
        }
        if ("utf8".equals(name) && stars(c) == 1) {
            return Optional.of(MbimValueType.simple(MbimValueKind.STRING, "String"));
        }
        if (stars(c) == 1 && c.startsWith("const ")) {
            Optional<MbimValueType> pointee = pointee(name);
            if (pointee.isPresent()) {
                return pointee;
            }
            RecordType record = records.get(name);
            if (record != null && structNames.writable(record)) {
                String java = structNames.javaName(record);
                return Optional.of(new MbimValueType(MbimValueKind.STRUCT, java, java, record.cType(), null, -1));
            }
        }
        return Optional.empty();
    }

    private Optional<MbimValueType> inArray(TypeRef type) {
        TypeRef element = type.element();
        if (element == null) {
            return Optional.empty();
        }
        String name = element.girName();
        String c = type.cType() == null ? "" : type.cType();
        if ("guint8".equals(name)) {
            return Optional.of(new MbimValueType(MbimValueKind.BYTES, "byte[]", null, null, null, type.fixedSize()));
        }
        if ("IPv4".equals(name) && stars(c) == 1) {
            return Optional.of(MbimValueType.simple(MbimValueKind.IPV4_ARRAY, "List<InetAddress>"));
        }
        if ("IPv6".equals(name) && stars(c) == 1) {
            return Optional.of(MbimValueType.simple(MbimValueKind.IPV6_ARRAY, "List<InetAddress>"));
        }
        RecordType record = records.get(name);
        if (record != null && structNames.writable(record) && stars(c) == 2) {
            return Optional.of(structArray(record, null));
        }
        return Optional.empty();
    }

    /** A field of a struct record; strings in structs belong to the struct, so they are read, not taken. */
    Optional<MbimValueType> forField(Field field) {
        TypeRef type = field.type();
        if (type == null || field.isBitField() || field.isPrivate()) {
            return Optional.empty();
        }
        if (type.kind() == TypeRef.Kind.ARRAY) {
            TypeRef element = type.element();
            if (element != null && "guint8".equals(element.girName()) && type.fixedSize() > 0) {
                return Optional.of(new MbimValueType(MbimValueKind.BYTES, "byte[]", null, null, null,
                        type.fixedSize()));
            }
            return Optional.empty();
        }
        String name = type.girName();
        String c = type.cType() == null ? "" : type.cType();
        if ("utf8".equals(name) && stars(c) == 1) {
            return Optional.of(MbimValueType.simple(MbimValueKind.STRING, "String"));
        }
        if (stars(c) != 0) {
            return Optional.empty();
        }
        Optional<MbimValueType> numeric = numeric(name, true);
        if (numeric.isPresent()) {
            return numeric;
        }
        return switch (name) {
            case "Uuid" -> Optional.of(MbimValueType.simple(MbimValueKind.UUID, "UUID"));
            case "IPv4" -> Optional.of(MbimValueType.simple(MbimValueKind.IPV4, "InetAddress"));
            case "IPv6" -> Optional.of(MbimValueType.simple(MbimValueKind.IPV6, "InetAddress"));
            default -> Optional.empty();
        };
    }

    private static Optional<MbimValueType> numeric(String name, boolean shapeOk) {
        if (!shapeOk || name == null) {
            return Optional.empty();
        }
        return switch (name) {
            case "guint8" -> Optional.of(MbimValueType.simple(MbimValueKind.U8, "int"));
            case "guint16" -> Optional.of(MbimValueType.simple(MbimValueKind.U16, "int"));
            case "guint32" -> Optional.of(MbimValueType.simple(MbimValueKind.U32, "long"));
            case "gint32" -> Optional.of(MbimValueType.simple(MbimValueKind.I32, "int"));
            case "guint64" -> Optional.of(MbimValueType.simple(MbimValueKind.U64, "long"));
            case "gboolean" -> Optional.of(MbimValueType.simple(MbimValueKind.BOOL, "boolean"));
            default -> Optional.empty();
        };
    }

    /** Values libmbim hands out as pointers into the message (const, never freed) or takes as const pointers. */
    private static Optional<MbimValueType> pointee(String name) {
        return switch (name) {
            case "Uuid" -> Optional.of(MbimValueType.simple(MbimValueKind.UUID, "UUID"));
            case "IPv4" -> Optional.of(MbimValueType.simple(MbimValueKind.IPV4, "InetAddress"));
            case "IPv6" -> Optional.of(MbimValueType.simple(MbimValueKind.IPV6, "InetAddress"));
            default -> Optional.empty();
        };
    }

    private MbimValueType enumType(EnumType e) {
        String java = enumNames.className(e);
        return e.flags()
                ? new MbimValueType(MbimValueKind.FLAGS, "FlagSet<" + java + ">", java, null, null, -1)
                : new MbimValueType(MbimValueKind.ENUM, "EnumValue<" + java + ">", java, null, null, -1);
    }

    private MbimValueType structArray(RecordType record, String free) {
        String java = structNames.javaName(record);
        return new MbimValueType(MbimValueKind.STRUCT_ARRAY, "List<" + java + ">", java, record.cType(), free, -1);
    }

    /**
     * The struct's own free function as a method reference to its ffi wrapper, in the header class that holds it:
     * {@code mbim_basic_connect_h::mbim_provider_free} or {@code ...::mbim_provider_array_free}.
     */
    private static Optional<String> freeFunction(RecordType record, boolean array) {
        for (Callable c : record.methods()) {
            if (c.cIdentifier().endsWith(array ? "_array_free" : "_free")
                    && (array || !c.cIdentifier().endsWith("_array_free"))) {
                return Optional.of(reference(c));
            }
        }
        for (Callable c : record.functions()) {
            if (c.cIdentifier().endsWith(array ? "_array_free" : "_free")
                    && (array || !c.cIdentifier().endsWith("_array_free"))) {
                return Optional.of(reference(c));
            }
        }
        return Optional.empty();
    }

    private static String reference(Callable free) {
        return MbimApiGenerator.HEADER_CLASSES.of(free) + "::" + free.cIdentifier();
    }

    private static int stars(String cType) {
        int n = 0;
        for (char ch : cType.toCharArray()) {
            if (ch == '*') {
                n++;
            }
        }
        return n;
    }
}
