package org.example.demo.ffi;

import java.lang.foreign.*;
import java.util.function.*;

import static java.lang.foreign.ValueLayout.*;
import static java.lang.foreign.MemoryLayout.PathElement.*;

/**
 * {@snippet lang=c :
 * struct DemoPoint {
 *     gint x;
 *     gint16 y;
 *     gchar *name;
 *     guint8 id[4];
 *     guint valid : 1;
 *     DemoBand band;
 *     DemoRate rate;
 * }
 * }
 * A record with fields: padding, a fixed array, a bit-field and a 64-bit tail.
 */
@SuppressWarnings("restricted")
public class DemoPoint {

    DemoPoint() {
        // Static members only.
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        demo_h.C_INT.withName("x"),
        demo_h.C_SHORT.withName("y"),
        MemoryLayout.paddingLayout(2),
        demo_h.C_POINTER.withName("name"),
        MemoryLayout.sequenceLayout(4, demo_h.C_CHAR).withName("id"),
        MemoryLayout.paddingLayout(4),
        demo_h.C_LONG.withName("band"),
        demo_h.C_INT.withName("rate"),
        MemoryLayout.paddingLayout(4)
    ).withName("DemoPoint");

    /** The layout of this struct. */
    public static final GroupLayout layout() {
        return $LAYOUT;
    }

    private static final OfInt x$LAYOUT = (OfInt) $LAYOUT.select(groupElement("x"));

    /** Layout for field {@code x}. */
    public static final OfInt x$layout() {
        return x$LAYOUT;
    }

    private static final long x$OFFSET = $LAYOUT.byteOffset(groupElement("x"));

    /** Offset for field {@code x}. */
    public static final long x$offset() {
        return x$OFFSET;
    }

    /** Getter for field {@code x}. */
    public static int x(MemorySegment struct) {
        return struct.get(x$LAYOUT, x$OFFSET);
    }

    /** Setter for field {@code x}. */
    public static void x(MemorySegment struct, int fieldValue) {
        struct.set(x$LAYOUT, x$OFFSET, fieldValue);
    }

    private static final OfShort y$LAYOUT = (OfShort) $LAYOUT.select(groupElement("y"));

    /** Layout for field {@code y}. */
    public static final OfShort y$layout() {
        return y$LAYOUT;
    }

    private static final long y$OFFSET = $LAYOUT.byteOffset(groupElement("y"));

    /** Offset for field {@code y}. */
    public static final long y$offset() {
        return y$OFFSET;
    }

    /** Getter for field {@code y}. */
    public static short y(MemorySegment struct) {
        return struct.get(y$LAYOUT, y$OFFSET);
    }

    /** Setter for field {@code y}. */
    public static void y(MemorySegment struct, short fieldValue) {
        struct.set(y$LAYOUT, y$OFFSET, fieldValue);
    }

    private static final AddressLayout name$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("name"));

    /** Layout for field {@code name}. */
    public static final AddressLayout name$layout() {
        return name$LAYOUT;
    }

    private static final long name$OFFSET = $LAYOUT.byteOffset(groupElement("name"));

    /** Offset for field {@code name}. */
    public static final long name$offset() {
        return name$OFFSET;
    }

    /** Getter for field {@code name}. */
    public static MemorySegment name(MemorySegment struct) {
        return struct.get(name$LAYOUT, name$OFFSET);
    }

    /** Setter for field {@code name}. */
    public static void name(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(name$LAYOUT, name$OFFSET, fieldValue);
    }

    private static final SequenceLayout id$LAYOUT = (SequenceLayout) $LAYOUT.select(groupElement("id"));

    /** Layout for field {@code id}. */
    public static final SequenceLayout id$layout() {
        return id$LAYOUT;
    }

    private static final long id$OFFSET = $LAYOUT.byteOffset(groupElement("id"));

    /** Offset for field {@code id}. */
    public static final long id$offset() {
        return id$OFFSET;
    }

    /** Getter for field {@code id}: a slice of the struct. */
    public static MemorySegment id(MemorySegment struct) {
        return struct.asSlice(id$OFFSET, id$LAYOUT.byteSize());
    }

    /** Setter for field {@code id}: copies the bytes in. */
    public static void id(MemorySegment struct, MemorySegment fieldValue) {
        MemorySegment.copy(fieldValue, 0L, struct, id$OFFSET, id$LAYOUT.byteSize());
    }

    // Bit-fields valid: no accessors (their bit positions are compiler-defined).

    private static final OfLong band$LAYOUT = (OfLong) $LAYOUT.select(groupElement("band"));

    /** Layout for field {@code band}. */
    public static final OfLong band$layout() {
        return band$LAYOUT;
    }

    private static final long band$OFFSET = $LAYOUT.byteOffset(groupElement("band"));

    /** Offset for field {@code band}. */
    public static final long band$offset() {
        return band$OFFSET;
    }

    /** Getter for field {@code band}. */
    public static long band(MemorySegment struct) {
        return struct.get(band$LAYOUT, band$OFFSET);
    }

    /** Setter for field {@code band}. */
    public static void band(MemorySegment struct, long fieldValue) {
        struct.set(band$LAYOUT, band$OFFSET, fieldValue);
    }

    private static final OfInt rate$LAYOUT = (OfInt) $LAYOUT.select(groupElement("rate"));

    /** Layout for field {@code rate}. */
    public static final OfInt rate$layout() {
        return rate$LAYOUT;
    }

    private static final long rate$OFFSET = $LAYOUT.byteOffset(groupElement("rate"));

    /** Offset for field {@code rate}. */
    public static final long rate$offset() {
        return rate$OFFSET;
    }

    /** Getter for field {@code rate}. */
    public static int rate(MemorySegment struct) {
        return struct.get(rate$LAYOUT, rate$OFFSET);
    }

    /** Setter for field {@code rate}. */
    public static void rate(MemorySegment struct, int fieldValue) {
        struct.set(rate$LAYOUT, rate$OFFSET, fieldValue);
    }

    /** Obtains a slice of {@code array} which selects the array element at {@code index}. */
    public static MemorySegment asSlice(MemorySegment array, long index) {
        return array.asSlice(layout().byteSize() * index);
    }

    /** The size (in bytes) of this struct. */
    public static long sizeof() {
        return layout().byteSize();
    }

    /** Allocate a segment of size {@code layout().byteSize()} using {@code allocator}. */
    public static MemorySegment allocate(SegmentAllocator allocator) {
        return allocator.allocate(layout());
    }

    /** Allocate an array of size {@code elementCount} using {@code allocator}. */
    public static MemorySegment allocateArray(long elementCount, SegmentAllocator allocator) {
        return allocator.allocate(MemoryLayout.sequenceLayout(elementCount, layout()));
    }

    /** Reinterprets {@code addr} using target {@code arena} and {@code cleanupAction} (if any). */
    public static MemorySegment reinterpret(MemorySegment addr, Arena arena, Consumer<MemorySegment> cleanup) {
        return reinterpret(addr, 1, arena, cleanup);
    }

    /** Reinterprets {@code addr} as an array of {@code elementCount} structs in {@code arena}. */
    public static MemorySegment reinterpret(MemorySegment addr, long elementCount, Arena arena,
                                            Consumer<MemorySegment> cleanup) {
        return addr.reinterpret(layout().byteSize() * elementCount, arena, cleanup);
    }
}
