package org.wwan4j.glib;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Gives memory that glibc's allocator holds but no longer uses back to the kernel ({@code malloc_trim}). The JVM's
 * compilers and class loading malloc megabytes of short-lived arena chunks during start-up; freed, those pages stay
 * with the malloc arena and count in the process's resident memory until something trims them; GLib's and libqmi's
 * own short-lived allocations land in the same arenas. The standalone agent trims once it is quiet after activity;
 * an application embedding the library may call {@link #trim()} after opening its modems. On a C library without
 * {@code malloc_trim} (musl) this does nothing.
 */
@SuppressWarnings("restricted") // binding libc is this class's purpose; the launcher enables native access
public final class NativeHeap {

    private static final MethodHandle MALLOC_TRIM = Linker.nativeLinker().defaultLookup().find("malloc_trim")
            .map(address -> Linker.nativeLinker().downcallHandle(address,
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG)))
            .orElse(null);

    /** glibc's {@code struct mallinfo2}: ten {@code size_t} counters, summed over every arena. */
    private static final StructLayout MALLINFO2 = MemoryLayout.structLayout(
            ValueLayout.JAVA_LONG.withName("arena"), ValueLayout.JAVA_LONG.withName("ordblks"),
            ValueLayout.JAVA_LONG.withName("smblks"), ValueLayout.JAVA_LONG.withName("hblks"),
            ValueLayout.JAVA_LONG.withName("hblkhd"), ValueLayout.JAVA_LONG.withName("usmblks"),
            ValueLayout.JAVA_LONG.withName("fsmblks"), ValueLayout.JAVA_LONG.withName("uordblks"),
            ValueLayout.JAVA_LONG.withName("fordblks"), ValueLayout.JAVA_LONG.withName("keepcost"));
    private static final MethodHandle MALLINFO = Linker.nativeLinker().defaultLookup().find("mallinfo2")
            .map(address -> Linker.nativeLinker().downcallHandle(address, FunctionDescriptor.of(MALLINFO2)))
            .orElse(null);

    private NativeHeap() {
    }

    /** Whether this C library can trim at all. */
    public static boolean supported() {
        return MALLOC_TRIM != null;
    }

    /** Returns free pages of every malloc arena to the kernel; true if some memory was released. */
    public static boolean trim() {
        if (MALLOC_TRIM == null) {
            return false;
        }
        try {
            return (int) MALLOC_TRIM.invokeExact(0L) == 1;
        } catch (Throwable e) {
            throw new IllegalStateException("malloc_trim failed", e);
        }
    }

    /**
     * Bytes malloc has handed out and not yet had back, over every arena and including mmapped blocks; -1 without
     * glibc's {@code mallinfo2}. Unlike the process's resident size it does not move with what the allocator keeps
     * or returns, so a growing figure across the same work is a native leak (libqmi outputs never unref'd, say).
     */
    public static long inUseBytes() {
        if (MALLINFO == null) {
            return -1;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment info = (MemorySegment) MALLINFO.invokeExact((java.lang.foreign.SegmentAllocator) arena);
            return info.get(ValueLayout.JAVA_LONG, MALLINFO2.byteOffset(MemoryLayout.PathElement.groupElement("uordblks")))
                    + info.get(ValueLayout.JAVA_LONG, MALLINFO2.byteOffset(MemoryLayout.PathElement.groupElement("hblkhd")));
        } catch (Throwable e) {
            throw new IllegalStateException("mallinfo2 failed", e);
        }
    }
}
