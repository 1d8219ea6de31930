package org.wwan4j.generator.emit;

import org.wwan4j.generator.model.Constant;
import org.wwan4j.generator.model.EnumMember;
import org.wwan4j.generator.model.EnumType;
import org.wwan4j.generator.model.ValueWidth;
import org.wwan4j.generator.types.CType;

/**
 * Emits constants as jextract does: a private static final value and a public static method returning it.
 * Enum members are {@code int} (their bit pattern when above {@code INT_MAX}) or {@code long} for 64-bit sets;
 * string macros are allocated lazily in the library arena.
 */
final class ConstantEmitter {

    private final HeaderContext header;

    ConstantEmitter(HeaderContext header) {
        this.header = header;
    }

    String enumMember(EnumType owner, EnumMember member) {
        String name = member.cIdentifier();
        boolean wide = owner.width() == ValueWidth.BITS_64;
        String cSnippet = "enum " + owner.cType() + "." + name + " = "
                + (wide ? Long.toUnsignedString(member.value()) : Long.toString(member.value()));
        return numeric(name, wide ? "long" : "int", wide ? member.value() + "L" : "(int)" + member.value() + "L",
                cSnippet, member.doc());
    }

    String macro(Constant constant, CType type) {
        String name = constant.cName();
        String value = constant.value();
        String cSnippet = "#define " + name + " " + (type == CType.POINTER ? JavaText.stringLiteral(value) : value);
        return switch (type) {
            case POINTER -> string(name, value, cSnippet, constant.doc());
            case LONG -> numeric(name, "long", parseLong(value) + "L", cSnippet, constant.doc());
            case FLOAT, DOUBLE -> numeric(name, "double", Double.toString(Double.parseDouble(value)) + "d", cSnippet,
                    constant.doc());
            case INT -> numeric(name, "int", "(int)" + parseLong(value) + "L", cSnippet, constant.doc());
            case SHORT -> numeric(name, "short", "(short)" + parseLong(value) + "L", cSnippet, constant.doc());
            case CHAR -> numeric(name, "byte", "(byte)" + parseLong(value) + "L", cSnippet, constant.doc());
            case VOID -> throw new IllegalArgumentException("void constant " + name);
        };
    }

    private static long parseLong(String value) {
        String v = value.strip();
        if (v.equalsIgnoreCase("true")) {
            return 1;
        }
        if (v.equalsIgnoreCase("false")) {
            return 0;
        }
        return new java.math.BigInteger(v).longValue();
    }

    private static String numeric(String name, String javaType, String literal, String cSnippet, String doc) {
        String id = JavaText.identifier(name);
        return "    private static final " + javaType + " " + id + " = " + literal + ";\n"
                + JavaText.javadoc("    ", cSnippet, doc)
                + "    public static " + javaType + " " + id + "() {\n"
                + "        return " + id + ";\n    }\n\n";
    }

    private String string(String name, String value, String cSnippet, String doc) {
        String id = JavaText.identifier(name);
        return JavaText.javadoc("    ", cSnippet, doc)
                + "    public static MemorySegment " + id + "() {\n"
                + "        class Holder {\n"
                + "            static final MemorySegment " + id + " = " + header.headerClassName()
                + ".LIBRARY_ARENA.allocateFrom(" + JavaText.stringLiteral(value) + ");\n"
                + "        }\n"
                + "        return Holder." + id + ";\n    }\n\n";
    }

    /** An enum typedef as the layout of its C storage, e.g. {@code QmiService = C_INT}. */
    String enumTypedef(EnumType type) {
        boolean wide = type.width() == ValueWidth.BITS_64;
        String layoutClass = wide ? "OfLong" : "OfInt";
        String layout = wide ? "C_LONG" : "C_INT";
        String cSnippet = "typedef " + "enum " + type.cType();
        return JavaText.javadoc("    ", cSnippet, type.doc())
                + "    public static final ValueLayout." + layoutClass + " " + JavaText.identifier(type.cType()) + " = "
                + header.layout(layout) + ";\n\n";
    }
}
