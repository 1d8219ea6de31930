package org.wwan4j.generator.types;

import java.util.List;

/**
 * The C memory layout of a record: its members with offsets, padding made explicit (x86_64 natural alignment).
 *
 * @param cName     the C type name, used as the layout name
 * @param members   fields and padding in memory order
 * @param byteSize  total size including tail padding
 * @param alignment the strictest member alignment
 */
public record StructLayout(String cName, List<Member> members, long byteSize, long alignment) {

    public StructLayout {
        members = List.copyOf(members);
    }

    /** One element of the layout. */
    public sealed interface Member permits FieldMember, Padding, BitFieldStorage { }

    /** An accessible field: a scalar, a fixed array of scalars, or a nested struct by value. */
    public record FieldMember(String name, Lowered type, StructLayout nested, long offset, long byteSize)
            implements Member { }

    /** Alignment padding the compiler inserts. */
    public record Padding(long byteSize) implements Member { }

    /** Storage of consecutive bit-fields; the fields themselves get no accessors (as in jextract). */
    public record BitFieldStorage(List<String> fieldNames, long byteSize) implements Member { }
}
