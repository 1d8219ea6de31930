package org.wwan4j.glib;

/** A Java enum generated from a C enumeration or flag set: each constant knows its C value (64-bit capable). */
public interface NativeEnum {

    /** The C value; for flag sets, the member's bit(s). Unsigned values are kept as their bit pattern. */
    long value();
}
