package org.wwan4j.benchmarks.downcall;

import com.sun.jna.Native;

/**
 * The JNA path. Direct mapping (Native.register on a static native method) rather than an interface proxy: it is
 * JNA's fastest mode, so the comparison with FFM is fair to JNA.
 */
public final class JnaGlib {
    static {
        Native.register("glib-2.0");
    }

    private JnaGlib() {}

    public static native long g_get_monotonic_time();
}
