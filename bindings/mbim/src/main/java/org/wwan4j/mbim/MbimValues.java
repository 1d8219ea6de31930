package org.wwan4j.mbim;

import static org.wwan4j.glib.ffi.glib_h.g_free;
import static org.wwan4j.glib.ffi.glib_h.g_strfreev;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import org.wwan4j.glib.GErrors;

/**
 * Copies values between libmbim and Java for the generated service classes. "take" methods free what libmbim
 * handed over (transfer full) with the matching free function; the others only read memory libmbim keeps.
 * Everything runs on the loop thread, inside a parser or builder.
 */
public final class MbimValues {

    private MbimValues() {}

    /** A transfer-full string: copied, then g_free'd. */
    public static String takeString(MemorySegment pointer) {
        if (pointer.equals(MemorySegment.NULL)) {
            return null;
        }
        try {
            return GErrors.cString(pointer);
        } finally {
            g_free(pointer);
        }
    }

    /** A string owned by a struct or message. */
    public static String string(MemorySegment pointer) {
        return GErrors.cString(pointer);
    }

    /** A transfer-full NULL-terminated string array: copied, then g_strfreev'd. */
    public static List<String> takeStrings(MemorySegment array) {
        if (array.equals(MemorySegment.NULL)) {
            return List.of();
        }
        try {
            MemorySegment items = array.reinterpret(Long.MAX_VALUE);
            List<String> out = new ArrayList<>();
            for (long i = 0; ; i++) {
                MemorySegment item = items.getAtIndex(ValueLayout.ADDRESS, i);
                if (item.equals(MemorySegment.NULL)) {
                    break;
                }
                out.add(GErrors.cString(item));
            }
            return Collections.unmodifiableList(out);
        } finally {
            g_strfreev(array);
        }
    }

    /** An MbimUuid (16 bytes in wire order, which is UUID's big-endian order); null for NULL. */
    public static UUID uuid(MemorySegment pointer) {
        if (pointer.equals(MemorySegment.NULL)) {
            return null;
        }
        ByteBuffer bytes = pointer.reinterpret(16).asByteBuffer();
        return new UUID(bytes.getLong(0), bytes.getLong(8));
    }

    /** A new MbimUuid in {@code arena}; NULL for null. */
    public static MemorySegment uuid(Arena arena, UUID value) {
        if (value == null) {
            return MemorySegment.NULL;
        }
        MemorySegment out = arena.allocate(16);
        copyUuid(out, value);
        return out;
    }

    public static void copyUuid(MemorySegment target, UUID value) {
        if (value == null) {
            return;
        }
        ByteBuffer bytes = target.reinterpret(16).asByteBuffer();
        bytes.putLong(0, value.getMostSignificantBits()).putLong(8, value.getLeastSignificantBits());
    }

    /** An MbimIPv4 (4 bytes) or MbimIPv6 (16 bytes); null for NULL. */
    public static InetAddress address(MemorySegment pointer, int length) {
        if (pointer.equals(MemorySegment.NULL)) {
            return null;
        }
        try {
            return InetAddress.getByAddress(pointer.reinterpret(length).toArray(ValueLayout.JAVA_BYTE));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // cannot happen for 4 or 16 bytes
        }
    }

    /** A transfer-full contiguous array of MbimIPv4/MbimIPv6: copied, then g_free'd. */
    public static List<InetAddress> takeAddresses(MemorySegment pointer, long count, int length) {
        if (pointer.equals(MemorySegment.NULL)) {
            return List.of();
        }
        try {
            MemorySegment all = pointer.reinterpret(count * length);
            List<InetAddress> out = new ArrayList<>();
            for (long i = 0; i < count; i++) {
                out.add(address(all.asSlice(i * length, length), length));
            }
            return Collections.unmodifiableList(out);
        } finally {
            g_free(pointer);
        }
    }

    public static MemorySegment address(Arena arena, InetAddress value, int length) {
        if (value == null) {
            return MemorySegment.NULL;
        }
        MemorySegment out = arena.allocate(length);
        copyAddress(out, value, length);
        return out;
    }

    public static MemorySegment addresses(Arena arena, List<InetAddress> values, int length) {
        if (values == null || values.isEmpty()) {
            return MemorySegment.NULL;
        }
        MemorySegment out = arena.allocate((long) length * values.size());
        for (int i = 0; i < values.size(); i++) {
            copyAddress(out.asSlice((long) i * length, length), values.get(i), length);
        }
        return out;
    }

    public static void copyAddress(MemorySegment target, InetAddress value, int length) {
        if (value == null) {
            return;
        }
        byte[] raw = value.getAddress();
        if (raw.length != length) {
            throw new IllegalArgumentException("expected an address of " + length + " bytes: " + value);
        }
        target.reinterpret(length).copyFrom(MemorySegment.ofArray(raw));
    }

    /** Bytes libmbim keeps (transfer none): copied. */
    public static byte[] bytes(MemorySegment pointer, long length) {
        if (pointer.equals(MemorySegment.NULL) || length <= 0) {
            return new byte[0];
        }
        return pointer.reinterpret(length).toArray(ValueLayout.JAVA_BYTE);
    }

    /** Bytes for a builder; exactly {@code length} of them (a fixed-size field must not be read past its end). */
    public static MemorySegment bytes(Arena arena, byte[] value, int length) {
        if (value == null) {
            return MemorySegment.NULL;
        }
        if (value.length != length) {
            throw new IllegalArgumentException("expected " + length + " bytes, got " + value.length);
        }
        return arena.allocateFrom(ValueLayout.JAVA_BYTE, value);
    }

    /** A C string in {@code arena}; NULL for null. */
    public static MemorySegment cString(Arena arena, String value) {
        return value == null ? MemorySegment.NULL : arena.allocateFrom(value);
    }

    /** A transfer-full struct: copied, then freed with its own _free function. */
    public static <T> T takeStruct(MemorySegment pointer, Function<MemorySegment, T> reader,
                                   Consumer<MemorySegment> free) {
        if (pointer.equals(MemorySegment.NULL)) {
            return null;
        }
        try {
            return reader.apply(pointer);
        } finally {
            free.accept(pointer);
        }
    }

    /** A transfer-full NULL-terminated struct pointer array: copied, then freed with its _array_free function. */
    public static <T> List<T> takeStructs(MemorySegment array, Function<MemorySegment, T> reader,
                                          Consumer<MemorySegment> arrayFree) {
        if (array.equals(MemorySegment.NULL)) {
            return List.of();
        }
        try {
            MemorySegment items = array.reinterpret(Long.MAX_VALUE);
            List<T> out = new ArrayList<>();
            for (long i = 0; ; i++) {
                MemorySegment item = items.getAtIndex(ValueLayout.ADDRESS, i);
                if (item.equals(MemorySegment.NULL)) {
                    break;
                }
                out.add(reader.apply(item));
            }
            return Collections.unmodifiableList(out);
        } finally {
            arrayFree.accept(array);
        }
    }

    /** A NULL-terminated array of struct pointers in {@code arena}, as builders take them. */
    public static <T> MemorySegment structPointers(Arena arena, List<T> values,
                                                   BiFunction<T, Arena, MemorySegment> writer) {
        if (values == null) {
            return MemorySegment.NULL;
        }
        MemorySegment array = arena.allocate(ValueLayout.ADDRESS, values.size() + 1L);
        for (int i = 0; i < values.size(); i++) {
            array.setAtIndex(ValueLayout.ADDRESS, i, writer.apply(values.get(i), arena));
        }
        return array;
    }
}
