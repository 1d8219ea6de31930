package org.wwan4j.generator.model;

/**
 * One member of an enumeration or bitfield.
 *
 * @param name        the GIR member name ({@code dms})
 * @param cIdentifier the C constant name ({@code QMI_SERVICE_DMS})
 * @param value       the value; for unsigned 64-bit values above {@code Long.MAX_VALUE} this is the bit pattern
 * @param doc         documentation text, or empty
 */
public record EnumMember(String name, String cIdentifier, long value, String doc) {
}
