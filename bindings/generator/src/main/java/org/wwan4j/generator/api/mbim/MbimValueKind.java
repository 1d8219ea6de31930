package org.wwan4j.generator.api.mbim;

/**
 * How one libmbim value (a parser out-parameter, a builder argument or a struct field) crosses into Java. Each kind
 * fixes the Java type, the C slot layout and who frees the memory, so the emitters stay a switch over this enum.
 */
enum MbimValueKind {
    /** guint8: int. */
    U8,
    /** guint16: int, widened unsigned. */
    U16,
    /** guint32: long, widened unsigned (counts and sizes above INT_MAX stay positive). */
    U32,
    /** gint32: int. */
    I32,
    /** guint64: long, the bit pattern as sent. */
    U64,
    /** gboolean. */
    BOOL,
    /** An Mbim enumeration: EnumValue of the generated Java enum (unknown values kept raw). */
    ENUM,
    /** An Mbim bitfield: FlagSet of the generated Java enum. */
    FLAGS,
    /** A UTF-8 string (out: transfer full, freed with g_free). */
    STRING,
    /** A NULL-terminated string array (transfer full, g_strfreev). */
    STRING_ARRAY,
    /** An MbimUuid (out: owned by the message, never freed). */
    UUID,
    /** An MbimIPv4 (pointer or inline): InetAddress. */
    IPV4,
    /** An MbimIPv6 (pointer or inline): InetAddress. */
    IPV6,
    /** A contiguous array of MbimIPv4 with a count before it (transfer full, g_free). */
    IPV4_ARRAY,
    /** A contiguous array of MbimIPv6 with a count before it (transfer full, g_free). */
    IPV6_ARRAY,
    /** guint8 bytes with a size before them, or of a fixed size. */
    BYTES,
    /** One struct (out: transfer full, freed with its _free). */
    STRUCT,
    /** A NULL-terminated array of struct pointers (out: transfer full, freed with its _array_free). */
    STRUCT_ARRAY
}
