package org.wwan4j.qmi;

import static org.wwan4j.glib.ffi.glib_h.g_array_unref;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * Copies C values out of libqmi bundles for the generated records (strings, GArrays, GPtrArrays of element
 * structs), and builds the GArrays some input setters take. Everything here runs on a loop thread, inside the
 * callback that owns the bundle.
 */
final class QmiValues {

    /** {@code GArray}/{@code GPtrArray} both start with {@code (data pointer, guint len)}. */
    private static final long LEN_OFFSET = 8;
    private static final long ARRAY_HEADER = 16;
    private static final int SLOTS = 32;

    /** Out-parameter slots for TLV getters, one set per loop thread (the only threads that read bundles). */
    private static final ThreadLocal<MemorySegment> SLOT_BUFFER =
            ThreadLocal.withInitial(() -> Arena.global().allocate(8L * SLOTS, 8));

    // g_array_sized_new and g_array_append_vals are not in the glib ffi include list (headers/glib.txt belongs to
    // the runtime), so these two downcalls are made here, once.
    private static final MethodHandle G_ARRAY_SIZED_NEW;
    private static final MethodHandle G_ARRAY_APPEND_VALS;

    static {
        Linker linker = Linker.nativeLinker();
        SymbolLookup glib = SymbolLookup.libraryLookup("libglib-2.0.so.0", Arena.global());
        G_ARRAY_SIZED_NEW = linker.downcallHandle(glib.find("g_array_sized_new").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
                        ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
        G_ARRAY_APPEND_VALS = linker.downcallHandle(glib.find("g_array_append_vals").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS,
                        ValueLayout.JAVA_INT));
    }

    private QmiValues() {
    }

    static MemorySegment slots() {
        return SLOT_BUFFER.get();
    }

    static String string(MemorySegment pointer) {
        return pointer.equals(MemorySegment.NULL) ? null : pointer.reinterpret(Long.MAX_VALUE).getString(0);
    }

    static byte[] bytes(MemorySegment garray) {
        if (garray.equals(MemorySegment.NULL)) {
            return null;
        }
        MemorySegment header = garray.reinterpret(ARRAY_HEADER);
        int len = header.get(ValueLayout.JAVA_INT, LEN_OFFSET);
        return header.get(ValueLayout.ADDRESS, 0).reinterpret(len).toArray(ValueLayout.JAVA_BYTE);
    }

    /** The elements of a GArray of unsigned integers of {@code width} bytes, widened to long. */
    static List<Long> unsignedList(MemorySegment garray, int width) {
        if (garray.equals(MemorySegment.NULL)) {
            return null;
        }
        MemorySegment header = garray.reinterpret(ARRAY_HEADER);
        int len = header.get(ValueLayout.JAVA_INT, LEN_OFFSET);
        MemorySegment data = header.get(ValueLayout.ADDRESS, 0).reinterpret((long) len * width);
        List<Long> out = new ArrayList<>(len);
        for (int i = 0; i < len; i++) {
            long offset = (long) i * width;
            out.add(switch (width) {
                case 1 -> (long) Byte.toUnsignedInt(data.get(ValueLayout.JAVA_BYTE, offset));
                case 2 -> (long) Short.toUnsignedInt(data.get(ValueLayout.JAVA_SHORT_UNALIGNED, offset));
                case 4 -> Integer.toUnsignedLong(data.get(ValueLayout.JAVA_INT_UNALIGNED, offset));
                default -> data.get(ValueLayout.JAVA_LONG_UNALIGNED, offset);
            });
        }
        return Collections.unmodifiableList(out);
    }

    /** A GArray of {@code gchar*}. */
    static List<String> stringList(MemorySegment garray) {
        if (garray.equals(MemorySegment.NULL)) {
            return null;
        }
        MemorySegment header = garray.reinterpret(ARRAY_HEADER);
        int len = header.get(ValueLayout.JAVA_INT, LEN_OFFSET);
        MemorySegment data = header.get(ValueLayout.ADDRESS, 0).reinterpret(8L * len);
        List<String> out = new ArrayList<>(len);
        for (int i = 0; i < len; i++) {
            out.add(string(data.getAtIndex(ValueLayout.ADDRESS, i)));
        }
        return Collections.unmodifiableList(out);
    }

    /** A GPtrArray of element structs, each copied by {@code read}. */
    static <T> List<T> records(MemorySegment gptrarray, Function<MemorySegment, T> read) {
        if (gptrarray.equals(MemorySegment.NULL)) {
            return null;
        }
        MemorySegment header = gptrarray.reinterpret(ARRAY_HEADER);
        int len = header.get(ValueLayout.JAVA_INT, LEN_OFFSET);
        MemorySegment data = header.get(ValueLayout.ADDRESS, 0).reinterpret(8L * len);
        List<T> out = new ArrayList<>(len);
        for (int i = 0; i < len; i++) {
            out.add(read.apply(data.getAtIndex(ValueLayout.ADDRESS, i)));
        }
        return Collections.unmodifiableList(out);
    }

    /** A new GArray of guint8 holding {@code bytes}; the caller unrefs it with {@link #unrefArray}. */
    static MemorySegment byteArray(byte[] bytes) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment array = (MemorySegment) G_ARRAY_SIZED_NEW.invokeExact(0, 0, 1, bytes.length);
            if (bytes.length > 0) {
                MemorySegment data = arena.allocateFrom(ValueLayout.JAVA_BYTE, bytes);
                MemorySegment ignored = (MemorySegment) G_ARRAY_APPEND_VALS.invokeExact(array, data, bytes.length);
            }
            return array;
        } catch (Throwable t) {
            throw new IllegalStateException("cannot build a GArray", t);
        }
    }

    static void unrefArray(MemorySegment garray) {
        g_array_unref(garray);
    }

    /**
     * A new GPtrArray (no free func) of zero-filled structs allocated in {@code arena} and filled by {@code write};
     * the caller unrefs it with {@link #unrefPtrArray} after the setter, and the arena frees the structs.
     */
    static <T> MemorySegment ptrArray(Arena arena, List<T> elements, long structSize,
            java.util.function.BiConsumer<T, MemorySegment> write) {
        MemorySegment array = org.wwan4j.glib.ffi.glib_h.g_ptr_array_new();
        try {
            for (T element : elements) {
                MemorySegment struct = arena.allocate(structSize, 8);
                write.accept(element, struct);
                org.wwan4j.glib.ffi.glib_h.g_ptr_array_add(array, struct);
            }
            return array;
        } catch (RuntimeException e) {
            org.wwan4j.glib.ffi.glib_h.g_ptr_array_unref(array);
            throw e;
        }
    }

    static void unrefPtrArray(MemorySegment gptrarray) {
        org.wwan4j.glib.ffi.glib_h.g_ptr_array_unref(gptrarray);
    }
}
