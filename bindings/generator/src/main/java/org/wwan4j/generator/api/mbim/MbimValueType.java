package org.wwan4j.generator.api.mbim;

/**
 * A libmbim value as the API layer carries it.
 *
 * @param kind         how it crosses into Java
 * @param javaType     the Java type of the record component or method parameter
 * @param javaName     for ENUM/FLAGS the generated enum, for STRUCT/STRUCT_ARRAY the generated record; else null
 * @param cStruct      for STRUCT/STRUCT_ARRAY the C struct type ({@code MbimProvider}); else null
 * @param freeFunction for out STRUCT/STRUCT_ARRAY a method reference to the ffi wrapper of the libmbim function that frees it; else null
 * @param fixedSize    for BYTES of a fixed size the byte count; -1 when a size parameter comes before it
 */
record MbimValueType(MbimValueKind kind, String javaType, String javaName, String cStruct, String freeFunction,
                     int fixedSize) {

    static MbimValueType simple(MbimValueKind kind, String javaType) {
        return new MbimValueType(kind, javaType, null, null, null, -1);
    }

    /** True when a count or size parameter right before this one holds its length. */
    boolean needsCount() {
        return kind == MbimValueKind.IPV4_ARRAY || kind == MbimValueKind.IPV6_ARRAY
                || (kind == MbimValueKind.BYTES && fixedSize < 0);
    }
}
