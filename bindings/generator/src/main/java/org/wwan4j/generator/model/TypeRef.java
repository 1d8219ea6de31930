package org.wwan4j.generator.model;

/**
 * A reference to a type as written in the GIR: a named type ({@code <type>}), an array ({@code <array>}) or
 * varargs. {@code girName} may be qualified ({@code GLib.ByteArray}) when the type lives in another namespace.
 *
 * @param kind      what kind of reference this is
 * @param girName   the GIR type name (null for arrays without a name and for varargs)
 * @param cType     the C type as the GIR gives it ({@code const gchar*}), or null when absent
 * @param fixedSize the element count of a fixed-size array, or -1
 * @param element   the element type of an array, or null
 */
public record TypeRef(Kind kind, String girName, String cType, int fixedSize, TypeRef element) {

    public enum Kind { NAMED, ARRAY, VARARGS }

    public static TypeRef named(String girName, String cType) {
        return new TypeRef(Kind.NAMED, girName, cType, -1, null);
    }

    public static TypeRef array(String girName, String cType, int fixedSize, TypeRef element) {
        return new TypeRef(Kind.ARRAY, girName, cType, fixedSize, element);
    }

    public static TypeRef varargs() {
        return new TypeRef(Kind.VARARGS, null, null, -1, null);
    }

    public boolean isVoid() {
        return kind == Kind.NAMED && "none".equals(girName) && (cType == null || cType.equals("void"));
    }

    /** The C type written in declarations; falls back to the GIR name when the GIR gives no C type. */
    public String cDeclarationType() {
        if (cType != null) {
            return cType;
        }
        if (kind == Kind.VARARGS) {
            return "...";
        }
        if (kind == Kind.ARRAY && element != null) {
            return element.cDeclarationType() + "*";
        }
        return girName == null ? "void*" : girName;
    }
}
