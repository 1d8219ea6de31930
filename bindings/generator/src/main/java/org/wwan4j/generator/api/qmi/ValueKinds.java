package org.wwan4j.generator.api.qmi;

import java.util.Map;
import java.util.Set;
import org.wwan4j.generator.api.qmi.ValueKind.Shape;
import org.wwan4j.generator.model.EnumType;
import org.wwan4j.generator.model.RecordType;
import org.wwan4j.generator.model.TypeRef;
import org.wwan4j.generator.model.ValueWidth;

/**
 * Decides the {@link ValueKind} of a GIR type, or why it has none. Element structs are supported only when the
 * ffi layer has their struct class (so fields are read through generated, layout-checked accessors).
 */
final class ValueKinds {

    /** A kind, or the reason the type is not supported (then kind is null). */
    record Resolved(ValueKind kind, String unsupported) {
        static Resolved no(String why) {
            return new Resolved(null, why);
        }
    }

    private static final Map<String, Shape> SCALARS = Map.ofEntries(
            Map.entry("guint8", Shape.U8), Map.entry("gint8", Shape.S8), Map.entry("guchar", Shape.U8),
            Map.entry("guint16", Shape.U16), Map.entry("gint16", Shape.S16),
            Map.entry("guint32", Shape.U32), Map.entry("gint32", Shape.S32),
            Map.entry("guint", Shape.U32), Map.entry("gint", Shape.S32),
            Map.entry("guint64", Shape.U64), Map.entry("gint64", Shape.S64),
            Map.entry("gboolean", Shape.BOOLEAN), Map.entry("gfloat", Shape.FLOAT), Map.entry("gdouble", Shape.DOUBLE),
            Map.entry("utf8", Shape.STRING));

    private static final Map<Shape, Integer> WIDTHS = Map.of(Shape.U8, 1, Shape.S8, 1, Shape.U16, 2, Shape.S16, 2,
            Shape.U32, 4, Shape.S32, 4, Shape.U64, 8, Shape.S64, 8);

    private final Map<String, EnumType> enums;
    private final Map<String, RecordType> records;
    private final Set<String> structClasses;
    private final ElementRecords elements;

    ValueKinds(Map<String, EnumType> enums, Map<String, RecordType> records, Set<String> structClasses,
               ElementRecords elements) {
        this.enums = enums;
        this.records = records;
        this.structClasses = structClasses;
        this.elements = elements;
    }

    /**
     * Struct fields whose GIR type lost its element ({@code GArray} of {@code gpointer}) although libqmi documents
     * them as {@code GArray} of {@code guint8}: card identifiers in slot status elements.
     */
    private static final Set<String> BYTE_ARRAY_FIELDS = Set.of("iccid", "eid");

    /** Like {@link #resolve(TypeRef)}, for a struct field (whose name may say what its GIR type does not). */
    Resolved resolveField(String fieldName, TypeRef type) {
        if (BYTE_ARRAY_FIELDS.contains(fieldName) && type != null && type.kind() == TypeRef.Kind.ARRAY
                && "GLib.Array".equals(type.girName())
                && (type.element() == null || "gpointer".equals(type.element().girName()))) {
            return new Resolved(ValueKind.of(Shape.BYTES), null);
        }
        return resolve(type);
    }

    Resolved resolve(TypeRef type) {
        if (type == null) {
            return Resolved.no("no type");
        }
        if (type.kind() == TypeRef.Kind.ARRAY) {
            return array(type);
        }
        if (type.kind() != TypeRef.Kind.NAMED || type.girName() == null) {
            return Resolved.no("type " + type.cDeclarationType());
        }
        String name = type.girName();
        if (name.equals("utf8") && type.cType() != null && !type.cType().contains("char")) {
            return Resolved.no("string of C type " + type.cType());
        }
        Shape scalar = SCALARS.get(name);
        if (scalar != null) {
            return new Resolved(ValueKind.of(scalar), null);
        }
        EnumType e = enums.get(name);
        if (e != null) {
            return new Resolved(new ValueKind(e.flags() ? Shape.FLAGS : Shape.ENUM, e, null, null, 0), null);
        }
        return Resolved.no("type " + name);
    }

    private Resolved array(TypeRef type) {
        TypeRef element = type.element();
        if (element == null || element.girName() == null) {
            return Resolved.no("array without element type");
        }
        String el = element.girName();
        if ("GLib.Array".equals(type.girName())) {
            Shape s = SCALARS.get(el);
            if (s == Shape.U8) {
                return new Resolved(ValueKind.of(Shape.BYTES), null);
            }
            if (s == Shape.STRING) {
                return new Resolved(ValueKind.of(Shape.STRING_LIST), null);
            }
            if (s != null && WIDTHS.containsKey(s)) {
                return new Resolved(new ValueKind(Shape.INT_LIST, null, null, null, WIDTHS.get(s)), null);
            }
            EnumType e = enums.get(el);
            if (e != null && !e.flags()) {
                return new Resolved(new ValueKind(Shape.ENUM_LIST, e, null, null,
                        e.width() == ValueWidth.BITS_64 ? 8 : 4), null);
            }
            return Resolved.no("GArray of " + el);
        }
        if ("GLib.PtrArray".equals(type.girName())) {
            RecordType record = records.get(el);
            if (record == null || record.fields().isEmpty()) {
                return Resolved.no("GPtrArray of " + el);
            }
            if (!structClasses.contains(record.cType())) {
                return Resolved.no("GPtrArray of " + el + " (no ffi struct class)");
            }
            return new Resolved(new ValueKind(Shape.RECORD_LIST, null, record, elements.javaName(record), 0), null);
        }
        return Resolved.no("array " + type.girName());
    }
}
