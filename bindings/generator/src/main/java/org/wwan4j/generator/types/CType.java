package org.wwan4j.generator.types;

/**
 * The C scalar kinds the ffi layer uses, named after jextract's {@code C_*} layouts. Sizes are those of
 * x86_64 Linux (LP64: {@code long} and pointers are 64-bit), the only ABI the generated code targets.
 */
public enum CType {
    VOID(null, "void", null, 0),
    CHAR("C_CHAR", "byte", "OfByte", 1),
    SHORT("C_SHORT", "short", "OfShort", 2),
    INT("C_INT", "int", "OfInt", 4),
    LONG("C_LONG", "long", "OfLong", 8),
    FLOAT("C_FLOAT", "float", "OfFloat", 4),
    DOUBLE("C_DOUBLE", "double", "OfDouble", 8),
    POINTER("C_POINTER", "MemorySegment", "AddressLayout", 8);

    private final String layoutName;
    private final String javaType;
    private final String layoutClass;
    private final int byteSize;

    CType(String layoutName, String javaType, String layoutClass, int byteSize) {
        this.layoutName = layoutName;
        this.javaType = javaType;
        this.layoutClass = layoutClass;
        this.byteSize = byteSize;
    }

    /** The {@code $shared} constant holding this layout ({@code C_INT}). */
    public String layoutName() {
        return layoutName;
    }

    /** The Java carrier type ({@code int}, {@code MemorySegment}). */
    public String javaType() {
        return javaType;
    }

    /** The simple name of the layout class ({@code OfInt}, {@code AddressLayout}). */
    public String layoutClass() {
        return layoutClass;
    }

    public int byteSize() {
        return byteSize;
    }

    /** Natural alignment equals size for every scalar on x86_64. */
    public int alignment() {
        return byteSize;
    }
}
