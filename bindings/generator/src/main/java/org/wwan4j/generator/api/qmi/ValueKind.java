package org.wwan4j.generator.api.qmi;

import org.wwan4j.generator.model.EnumType;
import org.wwan4j.generator.model.RecordType;
import org.wwan4j.generator.model.ValueWidth;

/**
 * How one QMI value (a getter's out parameter, an element struct's field, a setter's argument) maps to Java: the
 * Java type callers see, and the code that turns the C value (its ffi carrier: byte, short, int, long, float,
 * double or MemorySegment) into it. Unsigned integers are widened so they never read negative.
 *
 * @param shape       what the value is
 * @param enumType    the enum or bitfield, for {@link Shape#ENUM}, {@link Shape#FLAGS}, {@link Shape#ENUM_LIST}
 * @param element     the element record, for {@link Shape#RECORD_LIST}
 * @param elementName the Java name of the element record, for {@link Shape#RECORD_LIST}
 * @param elementBytes the width of one element, for {@link Shape#INT_LIST} and {@link Shape#ENUM_LIST}
 */
record ValueKind(Shape shape, EnumType enumType, RecordType element, String elementName, int elementBytes) {

    enum Shape {
        U8, S8, U16, S16, U32, S32, U64, S64, BOOLEAN, FLOAT, DOUBLE, STRING, ENUM, FLAGS,
        BYTES, INT_LIST, ENUM_LIST, STRING_LIST, RECORD_LIST
    }

    static final String PKG = "org.wwan4j.qmi.";

    static ValueKind of(Shape shape) {
        return new ValueKind(shape, null, null, null, 0);
    }

    String enumClass() {
        return PKG + QmiApiGenerator.ENUMS.className(enumType);
    }

    boolean wide() {
        return enumType != null && enumType.width() == ValueWidth.BITS_64;
    }

    /** The Java type of the value, boxed (components are null when the TLV is absent). */
    String javaType() {
        return switch (shape) {
            case U8, S8, U16, S16, S32 -> "java.lang.Integer";
            case U32, U64, S64 -> "java.lang.Long";
            case BOOLEAN -> "java.lang.Boolean";
            case FLOAT -> "java.lang.Float";
            case DOUBLE -> "java.lang.Double";
            case STRING -> "java.lang.String";
            case ENUM -> "org.wwan4j.glib.EnumValue<" + enumClass() + ">";
            case FLAGS -> "org.wwan4j.glib.FlagSet<" + enumClass() + ">";
            case BYTES -> "byte[]";
            case INT_LIST -> "java.util.List<java.lang.Long>";
            case ENUM_LIST -> "java.util.List<org.wwan4j.glib.EnumValue<" + enumClass() + ">>";
            case STRING_LIST -> "java.util.List<java.lang.String>";
            case RECORD_LIST -> "java.util.List<" + elementName + ">";
        };
    }

    /** The ffi carrier type's value layout (for reading an out-parameter slot). */
    String slotLayout() {
        return switch (shape) {
            case U8, S8 -> "java.lang.foreign.ValueLayout.JAVA_BYTE";
            case U16, S16 -> "java.lang.foreign.ValueLayout.JAVA_SHORT";
            case U32, S32, BOOLEAN -> "java.lang.foreign.ValueLayout.JAVA_INT";
            case U64, S64 -> "java.lang.foreign.ValueLayout.JAVA_LONG";
            case FLOAT -> "java.lang.foreign.ValueLayout.JAVA_FLOAT";
            case DOUBLE -> "java.lang.foreign.ValueLayout.JAVA_DOUBLE";
            case ENUM, FLAGS -> wide() ? "java.lang.foreign.ValueLayout.JAVA_LONG" : "java.lang.foreign.ValueLayout.JAVA_INT";
            default -> "java.lang.foreign.ValueLayout.ADDRESS";
        };
    }

    /** Java code turning the carrier expression {@code c} into the value of {@link #javaType()}. */
    String fromCarrier(String c) {
        return switch (shape) {
            case U8 -> "java.lang.Byte.toUnsignedInt(" + c + ")";
            case U16 -> "java.lang.Short.toUnsignedInt(" + c + ")";
            case S8, S16 -> "(int) " + c;
            case U32 -> "java.lang.Integer.toUnsignedLong(" + c + ")";
            case S32, U64, S64, FLOAT, DOUBLE -> c;
            case BOOLEAN -> c + " != 0";
            case STRING -> "QmiValues.string(" + c + ")";
            case ENUM, FLAGS -> enumClass() + ".fromValue(" + rawEnum(c) + ")";
            case BYTES -> "QmiValues.bytes(" + c + ")";
            case INT_LIST -> "QmiValues.unsignedList(" + c + ", " + elementBytes + ")";
            case ENUM_LIST -> "QmiValues.unsignedList(" + c + ", " + elementBytes + ").stream().map(" + enumClass()
                    + "::fromValue).toList()";
            case STRING_LIST -> "QmiValues.stringList(" + c + ")";
            case RECORD_LIST -> "QmiValues.records(" + c + ", " + elementName + "::read)";
        };
    }

    private String rawEnum(String c) {
        if (wide()) {
            return c;
        }
        boolean signed = enumType.members().stream().anyMatch(m -> m.value() < 0);
        return signed ? "(long) " + c : "java.lang.Integer.toUnsignedLong(" + c + ")";
    }
}
