package org.wwan4j.generator.model;

/**
 * A GIR constant (a C macro).
 *
 * @param name  the GIR name
 * @param cName the C macro name ({@code QMI_CID_BROADCAST})
 * @param value the value as written in the GIR
 * @param type  its type ({@code utf8} for strings, {@code gint}, ...)
 * @param doc   documentation text, or empty
 */
public record Constant(String name, String cName, String value, TypeRef type, String doc) {
}
