package org.wwan4j.benchmarks.downcall;

/** The JNI path: native/src/jni-shim.c, built by native/Makefile as libwwan4j-jni-shim.so. */
public final class JniShim {
    static {
        System.load(NativeDir.resolve().resolve("libwwan4j-jni-shim.so").toString());
    }

    private JniShim() {}

    /** g_get_monotonic_time() behind one JNI transition. */
    public static native long monotonicTime();
}
