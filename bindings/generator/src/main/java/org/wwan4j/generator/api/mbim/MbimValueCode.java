package org.wwan4j.generator.api.mbim;

/**
 * The Java expressions that move one value between C and Java in generated code. Runtime helpers live in
 * {@code org.wwan4j.mbim.MbimValues}; C struct accessors are the ffi layer's struct classes.
 */
final class MbimValueCode {

    private MbimValueCode() {
    }

    /** The ValueLayout constant of the out-parameter slot. */
    static String slotLayout(MbimValueKind kind) {
        return switch (kind) {
            case U8 -> "ValueLayout.JAVA_BYTE";
            case U16 -> "ValueLayout.JAVA_SHORT";
            case U32, I32, BOOL, ENUM, FLAGS -> "ValueLayout.JAVA_INT";
            case U64 -> "ValueLayout.JAVA_LONG";
            default -> "ValueLayout.ADDRESS";
        };
    }

    /** Reads a filled out-parameter slot; {@code count} is the length expression for arrays that need one. */
    static String readOut(MbimValueType type, String slot, String count) {
        String pointer = slot + ".get(ValueLayout.ADDRESS, 0)";
        return switch (type.kind()) {
            case U8 -> "Byte.toUnsignedInt(" + slot + ".get(ValueLayout.JAVA_BYTE, 0))";
            case U16 -> "Short.toUnsignedInt(" + slot + ".get(ValueLayout.JAVA_SHORT, 0))";
            case U32 -> "Integer.toUnsignedLong(" + slot + ".get(ValueLayout.JAVA_INT, 0))";
            case I32 -> slot + ".get(ValueLayout.JAVA_INT, 0)";
            case U64 -> slot + ".get(ValueLayout.JAVA_LONG, 0)";
            case BOOL -> slot + ".get(ValueLayout.JAVA_INT, 0) != 0";
            case ENUM, FLAGS -> type.javaName() + ".fromValue(Integer.toUnsignedLong(" + slot
                    + ".get(ValueLayout.JAVA_INT, 0)))";
            case STRING -> "MbimValues.takeString(" + pointer + ")";
            case STRING_ARRAY -> "MbimValues.takeStrings(" + pointer + ")";
            case UUID -> "MbimValues.uuid(" + pointer + ")";
            case IPV4 -> "MbimValues.address(" + pointer + ", 4)";
            case IPV6 -> "MbimValues.address(" + pointer + ", 16)";
            case IPV4_ARRAY -> "MbimValues.takeAddresses(" + pointer + ", " + count + ", 4)";
            case IPV6_ARRAY -> "MbimValues.takeAddresses(" + pointer + ", " + count + ", 16)";
            case BYTES -> "MbimValues.bytes(" + pointer + ", " + (type.fixedSize() > 0 ? type.fixedSize() : count) + ")";
            case STRUCT -> "MbimValues.takeStruct(" + pointer + ", " + type.javaName() + "::fromNative, "
                    + type.freeFunction() + ")";
            case STRUCT_ARRAY -> "MbimValues.takeStructs(" + pointer + ", " + type.javaName()
                    + "::fromNative, " + type.freeFunction() + ")";
        };
    }

    /** Reads a field with the ffi struct class accessor {@code cStruct.field(segment)}. */
    static String readField(MbimValueType type, String cStruct, String field, String segment) {
        String get = cStruct + "." + field + "(" + segment + ")";
        return switch (type.kind()) {
            case U8 -> "Byte.toUnsignedInt(" + get + ")";
            case U16 -> "Short.toUnsignedInt(" + get + ")";
            case U32 -> "Integer.toUnsignedLong(" + get + ")";
            case I32, U64 -> get;
            case STRING -> "MbimValues.string(" + get + ")";
            case UUID -> "MbimValues.uuid(" + get + ")";
            case IPV4 -> "MbimValues.address(" + get + ", 4)";
            case IPV6 -> "MbimValues.address(" + get + ", 16)";
            case BYTES -> "MbimValues.bytes(" + get + ", " + type.fixedSize() + ")";
            default -> throw new IllegalArgumentException("not a field kind: " + type.kind());
        };
    }

    /** A statement writing a record component into a C struct field. */
    static String writeField(MbimValueType type, String cStruct, String field, String segment, String value) {
        return switch (type.kind()) {
            case U8 -> cStruct + "." + field + "(" + segment + ", (byte) " + value + ");";
            case U16 -> cStruct + "." + field + "(" + segment + ", (short) " + value + ");";
            case U32 -> cStruct + "." + field + "(" + segment + ", (int) " + value + ");";
            case I32, U64 -> cStruct + "." + field + "(" + segment + ", " + value + ");";
            case STRING -> cStruct + "." + field + "(" + segment + ", MbimValues.cString(arena, " + value + "));";
            case UUID -> "MbimValues.copyUuid(" + cStruct + "." + field + "(" + segment + "), " + value + ");";
            case IPV4 -> "MbimValues.copyAddress(" + cStruct + "." + field + "(" + segment + "), " + value + ", 4);";
            case IPV6 -> "MbimValues.copyAddress(" + cStruct + "." + field + "(" + segment + "), " + value + ", 16);";
            default -> throw new IllegalArgumentException("not a writable field kind: " + type.kind());
        };
    }

    /** The C argument for a builder parameter. */
    static String inArgument(MbimValueType type, String value) {
        return switch (type.kind()) {
            case U8 -> "(byte) " + value;
            case U16 -> "(short) " + value;
            case U32 -> "(int) " + value;
            case I32, U64 -> value;
            case BOOL -> value + " ? 1 : 0";
            case ENUM -> "(int) " + value + ".value()";
            case FLAGS -> "(int) " + type.javaName() + ".toValue(" + value + ")";
            case STRING -> "MbimValues.cString(arena, " + value + ")";
            case UUID -> "MbimValues.uuid(arena, " + value + ")";
            case IPV4 -> "MbimValues.address(arena, " + value + ", 4)";
            case IPV6 -> "MbimValues.address(arena, " + value + ", 16)";
            case IPV4_ARRAY -> "MbimValues.addresses(arena, " + value + ", 4)";
            case IPV6_ARRAY -> "MbimValues.addresses(arena, " + value + ", 16)";
            case BYTES -> type.fixedSize() > 0
                    ? "MbimValues.bytes(arena, " + value + ", " + type.fixedSize() + ")"
                    : "MbimValues.bytes(arena, " + value + ", " + value + ".length)";
            case STRUCT -> type.javaName() + ".toNative(" + value + ", arena)";
            case STRUCT_ARRAY -> "MbimValues.structPointers(arena, " + value + ", " + type.javaName() + "::toNative)";
            case STRING_ARRAY -> throw new IllegalArgumentException("string arrays are never builder arguments");
        };
    }

    /** The length of a builder argument, as the C count parameter before it wants it. */
    static String inLength(MbimValueType arrayType, MbimValueType countType, String value) {
        String length = arrayType.kind() == MbimValueKind.BYTES ? value + ".length" : value + ".size()";
        return switch (countType.kind()) {
            case U8 -> "(byte) " + length;
            case U16 -> "(short) " + length;
            default -> length;
        };
    }
}
