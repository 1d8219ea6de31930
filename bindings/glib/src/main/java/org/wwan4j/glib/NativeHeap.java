package org.wwan4j.glib;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
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
}
