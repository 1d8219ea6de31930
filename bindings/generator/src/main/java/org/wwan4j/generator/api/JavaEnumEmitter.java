package org.wwan4j.generator.api;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.wwan4j.generator.emit.JavaText;
import org.wwan4j.generator.emit.SourceFile;
import org.wwan4j.generator.model.EnumMember;
import org.wwan4j.generator.model.EnumType;

/**
 * Emits the idiomatic Java form of a GIR enumeration or bitfield for the API layer: a Java enum implementing
 * {@code org.wwan4j.glib.NativeEnum}, with {@code fromValue} that never throws (enums give an
 * {@code EnumValue}, bitfields a {@code FlagSet}, both keeping the raw value) and, for bitfields, {@code toValue}.
 *
 * <p>Constants are named after the GIR member names in upper case ({@code low_power} gives {@code LOW_POWER});
 * values are longs, so 64-bit flag sets and unsigned values above INT_MAX survive intact.
 */
public final class JavaEnumEmitter {

    private final String targetPackage;
    private final String namespacePrefix;

    /**
     * @param targetPackage   the API package ({@code org.wwan4j.qmi})
     * @param namespacePrefix the C prefix the Java names drop ({@code Qmi}: {@code QmiDmsOperatingMode} gives
     *                        {@code DmsOperatingMode})
     */
    public JavaEnumEmitter(String targetPackage, String namespacePrefix) {
        this.targetPackage = targetPackage;
        this.namespacePrefix = namespacePrefix;
    }

    /** The Java class name of an enum type. */
    public String className(EnumType type) {
        String c = type.cType();
        return c.startsWith(namespacePrefix) && c.length() > namespacePrefix.length()
                ? c.substring(namespacePrefix.length()) : c;
    }

    /**
     * The Java constant name of a member. libqmi's GIR names members in lower snake case ({@code low_power} gives
     * {@code LOW_POWER}); libmbim's in CamelCase ({@code InvalidUserNamePwd}), whose upper case would run the words
     * together, so those take their C identifier without the type's prefix ({@code INVALID_USER_NAME_PWD}).
     */
    public static String constantName(EnumType type, EnumMember member) {
        String name = member.name();
        if (name.equals(name.toLowerCase(Locale.ROOT))) {
            return JavaText.identifier(name.toUpperCase(Locale.ROOT));
        }
        String prefix = identifierPrefix(type);
        String id = member.cIdentifier();
        String suffix = id.startsWith(prefix) && id.length() > prefix.length() ? id.substring(prefix.length())
                : name.toUpperCase(Locale.ROOT);
        return JavaText.identifier(suffix);
    }

    /**
     * The prefix every C identifier of the type shares: the C type name in upper snake case when all members start
     * with it ({@code MbimStatusError} gives {@code MBIM_STATUS_ERROR_}), else their longest common prefix up to
     * an underscore.
     */
    static String identifierPrefix(EnumType type) {
        String fromType = type.cType().replaceAll("([a-z0-9])([A-Z])", "$1_$2")
                .replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2").toUpperCase(Locale.ROOT) + "_";
        if (type.members().stream().allMatch(m -> m.cIdentifier().startsWith(fromType))) {
            return fromType;
        }
        if (type.members().size() < 2) {
            return "";
        }
        String common = type.members().getFirst().cIdentifier();
        for (EnumMember member : type.members()) {
            String id = member.cIdentifier();
            int i = 0;
            while (i < common.length() && i < id.length() && common.charAt(i) == id.charAt(i)) {
                i++;
            }
            common = common.substring(0, i);
        }
        return common.substring(0, common.lastIndexOf('_') + 1);
    }

    public SourceFile emit(EnumType type) {
        String name = className(type);
        String valueType = type.flags() ? "FlagSet" : "EnumValue";
        StringBuilder out = new StringBuilder();
        out.append("package ").append(targetPackage).append(";\n\n");
        if (type.flags()) {
            out.append("import java.util.Collection;\n");
        }
        out.append("import org.wwan4j.glib.").append(valueType).append(";\n");
        out.append("import org.wwan4j.glib.NativeEnum;\n\n");
        out.append("/**\n * ").append(JavaText.doc(JavaText.firstSentence(type.doc()).isEmpty()
                        ? "The C " + (type.flags() ? "flag set" : "enumeration") + " " + type.cType() + "."
                        : JavaText.firstSentence(type.doc())))
                .append("\n * <p>Generated from {@code ").append(type.cType()).append("}; never edit.\n */\n");
        out.append("public enum ").append(name).append(" implements NativeEnum {\n");
        Set<String> used = new HashSet<>();
        int i = 0;
        for (EnumMember member : type.members()) {
            String constant = constantName(type, member);
            while (!used.add(constant)) {
                constant = constant + "_";
            }
            String sentence = JavaText.firstSentence(member.doc());
            if (!sentence.isEmpty()) {
                out.append("    /** ").append(JavaText.doc(sentence)).append(" */\n");
            }
            out.append("    ").append(constant).append("(").append(member.value()).append("L)")
                    .append(++i < type.members().size() ? ",\n" : ";\n");
        }
        if (type.members().isEmpty()) {
            out.append("    ;\n");
        }
        out.append("""

                    private final long value;

                    %1$s(long value) {
                        this.value = value;
                    }

                    @Override
                    public long value() {
                        return value;
                    }

                    /** The %2$s for a raw C value; never throws, unknown values are kept raw. */
                    public static %3$s<%1$s> fromValue(long raw) {
                        return %3$s.of(%1$s.class, raw);
                    }
                """.formatted(name, type.flags() ? "flags" : "constant", valueType));
        if (type.flags()) {
            out.append("""

                        /** The C mask holding exactly these members. */
                        public static long toValue(Collection<%1$s> members) {
                            return FlagSet.of(%1$s.class, members).raw();
                        }
                    """.formatted(name));
        }
        out.append("}\n");
        return new SourceFile(name, out.toString());
    }
}
