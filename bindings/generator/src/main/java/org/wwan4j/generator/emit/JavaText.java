package org.wwan4j.generator.emit;

import java.util.Set;

/** Text helpers for generated Java: identifiers, literals and Javadoc-safe prose. */
public final class JavaText {

    private static final Set<String> RESERVED = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "true", "false", "null", "_", "var", "yield", "record");

    private JavaText() {
    }

    /** A C name usable as a Java identifier: reserved words get a trailing underscore, as jextract does. */
    public static String identifier(String cName) {
        String name = cName.replaceAll("[^A-Za-z0-9_$]", "_");
        if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
            name = "_" + name;
        }
        return RESERVED.contains(name) ? name + "_" : name;
    }

    public static String stringLiteral(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append('\\').append(String.format("u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /**
     * Makes text safe inside a Javadoc comment: no comment terminator, no HTML or tags, and no backslash
     * (javac reads a backslash followed by "u" as a unicode escape even in comments).
     */
    public static String doc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("*/", "*&#47;")
                .replace("@", "&#64;").replace("\\", "&#92;").replace("{", "&#123;").replace("}", "&#125;");
    }

    /**
     * Makes C code safe inside an inline {@code @snippet}: its content is shown verbatim, so only what would end
     * the comment or form a unicode escape is replaced. C declarations have balanced braces, as snippets need.
     */
    public static String snippet(String code) {
        return code.replace("*/", "*&#47;").replace("\\", "&#92;");
    }

    /** The first sentence of a GIR doc string, on one line. */
    public static String firstSentence(String doc) {
        if (doc == null || doc.isBlank()) {
            return "";
        }
        String flat = doc.strip();
        int paragraph = flat.indexOf("\n\n");
        if (paragraph >= 0) {
            flat = flat.substring(0, paragraph);
        }
        flat = flat.replaceAll("\\s+", " ");
        int end = flat.indexOf(". ");
        return end >= 0 ? flat.substring(0, end + 1) : flat;
    }

    /** A Javadoc block holding a C snippet and, optionally, one sentence of prose. */
    public static String javadoc(String indent, String cSnippet, String prose) {
        StringBuilder out = new StringBuilder();
        out.append(indent).append("/**\n");
        out.append(indent).append(" * {@snippet lang=c :\n");
        for (String line : cSnippet.split("\n")) {
            out.append(indent).append(" * ").append(snippet(line)).append('\n');
        }
        out.append(indent).append(" * }\n");
        String sentence = firstSentence(prose);
        if (!sentence.isEmpty()) {
            out.append(indent).append(" * ").append(doc(sentence)).append('\n');
        }
        out.append(indent).append(" */\n");
        return out.toString();
    }
}
