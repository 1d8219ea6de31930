package org.wwan4j.generator.types;

import java.util.Map;
import org.wwan4j.generator.model.Alias;
import org.wwan4j.generator.model.CallbackType;
import org.wwan4j.generator.model.ClassType;
import org.wwan4j.generator.model.EnumType;
import org.wwan4j.generator.model.RecordType;
import org.wwan4j.generator.model.TypeRef;
import org.wwan4j.generator.model.ValueWidth;

/**
 * Maps GIR types to their C ABI shape ({@link Lowered}). The C type the GIR records wins; the GIR name is the
 * fallback. Types from namespaces that were not loaded are opaque: usable only behind a pointer.
 */
public final class TypeLowering {

    /** GLib and C scalar typedefs by name, as sized on x86_64 Linux (LP64). */
    private static final Map<String, CType> SCALARS = Map.ofEntries(
            Map.entry("void", CType.VOID), Map.entry("none", CType.VOID),
            Map.entry("gboolean", CType.INT), Map.entry("gint", CType.INT), Map.entry("guint", CType.INT),
            Map.entry("gint32", CType.INT), Map.entry("guint32", CType.INT), Map.entry("int", CType.INT),
            Map.entry("unsigned int", CType.INT), Map.entry("unsigned", CType.INT), Map.entry("GQuark", CType.INT),
            Map.entry("gunichar", CType.INT), Map.entry("GPid", CType.INT), Map.entry("gint64", CType.LONG),
            Map.entry("guint64", CType.LONG), Map.entry("gsize", CType.LONG), Map.entry("gssize", CType.LONG),
            Map.entry("glong", CType.LONG), Map.entry("gulong", CType.LONG), Map.entry("goffset", CType.LONG),
            Map.entry("gintptr", CType.LONG), Map.entry("guintptr", CType.LONG), Map.entry("GType", CType.LONG),
            Map.entry("long", CType.LONG), Map.entry("unsigned long", CType.LONG), Map.entry("size_t", CType.LONG),
            Map.entry("ssize_t", CType.LONG), Map.entry("time_t", CType.LONG), Map.entry("off_t", CType.LONG),
            Map.entry("GTimeSpan", CType.LONG), Map.entry("GTime", CType.INT), Map.entry("gint16", CType.SHORT),
            Map.entry("guint16", CType.SHORT), Map.entry("gshort", CType.SHORT), Map.entry("gushort", CType.SHORT),
            Map.entry("short", CType.SHORT), Map.entry("gunichar2", CType.SHORT), Map.entry("gint8", CType.CHAR),
            Map.entry("guint8", CType.CHAR), Map.entry("gchar", CType.CHAR), Map.entry("guchar", CType.CHAR),
            Map.entry("char", CType.CHAR), Map.entry("unsigned char", CType.CHAR), Map.entry("gfloat", CType.FLOAT),
            Map.entry("float", CType.FLOAT), Map.entry("gdouble", CType.DOUBLE), Map.entry("double", CType.DOUBLE),
            Map.entry("gpointer", CType.POINTER), Map.entry("gconstpointer", CType.POINTER),
            Map.entry("utf8", CType.POINTER), Map.entry("filename", CType.POINTER), Map.entry("va_list", CType.POINTER));

    private final TypeRegistry registry;

    public TypeLowering(TypeRegistry registry) {
        this.registry = registry;
    }

    /** Lowers a parameter or return type; arrays decay to pointers, as in C. */
    public Lowered lowerForSignature(TypeRef type, String namespace) {
        if (type == null) {
            return new Lowered.Unsupported("no type");
        }
        if (type.kind() == TypeRef.Kind.VARARGS) {
            return new Lowered.Unsupported("variadic");
        }
        if (type.kind() == TypeRef.Kind.ARRAY) {
            return new Lowered.Scalar(CType.POINTER);
        }
        return lowerNamed(type, namespace);
    }

    /** Lowers a struct field type; fixed-size arrays stay inline. */
    public Lowered lowerForField(TypeRef type, String namespace) {
        if (type != null && type.kind() == TypeRef.Kind.ARRAY && type.fixedSize() > 0
                && (type.cType() == null || !type.cType().contains("*"))) {
            Lowered element = lowerNamed(type.element(), namespace);
            return element instanceof Lowered.Unsupported ? element : new Lowered.FixedArray(element, type.fixedSize());
        }
        return lowerForSignature(type, namespace);
    }

    private Lowered lowerNamed(TypeRef type, String namespace) {
        if (type == null) {
            return new Lowered.Unsupported("no type");
        }
        String cType = normalize(type.cType());
        if (cType != null && (cType.contains("*") || cType.contains("["))) {
            return new Lowered.Scalar(CType.POINTER);
        }
        if (cType != null && SCALARS.containsKey(cType)) {
            return new Lowered.Scalar(SCALARS.get(cType));
        }
        if (type.girName() != null && SCALARS.containsKey(type.girName())) {
            return new Lowered.Scalar(SCALARS.get(type.girName()));
        }
        TypeRegistry.Entry entry = registry.find(type.girName(), namespace);
        if (entry == null) {
            return foreign(type, cType);
        }
        return switch (entry.definition()) {
            case EnumType e -> new Lowered.Scalar(e.width() == ValueWidth.BITS_64 ? CType.LONG : CType.INT);
            case CallbackType c -> new Lowered.Scalar(CType.POINTER);
            case Alias a -> lowerNamed(a.target(), entry.namespace());
            case RecordType r -> new Lowered.StructByValue(r, entry.namespace());
            case ClassType c -> new Lowered.Unsupported("object " + c.cType() + " by value");
            default -> new Lowered.Unsupported("unknown definition for " + type.girName());
        };
    }

    /**
     * A type from a namespace that was not loaded: only its pointer-ness is known. Function-pointer typedefs
     * (GLib's naming: ...Callback, ...Func, ...Notify) are pointers too.
     */
    private static Lowered foreign(TypeRef type, String cType) {
        String name = cType != null ? cType : type.girName();
        if (name != null && (name.endsWith("Callback") || name.endsWith("Func") || name.endsWith("Notify")
                || name.endsWith("FuncFull"))) {
            return new Lowered.Scalar(CType.POINTER);
        }
        return new Lowered.Unsupported("opaque type " + name + " by value (its namespace is not loaded)");
    }

    private static String normalize(String cType) {
        if (cType == null) {
            return null;
        }
        return cType.replace("const ", "").replace("volatile ", "").replace(" *", "*").trim();
    }
}
