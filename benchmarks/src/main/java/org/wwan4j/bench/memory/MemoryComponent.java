package org.wwan4j.bench.memory;

/**
 * Where a Java process's PSS goes, one bucket per thing that could be made smaller on its own. The order is the
 * report's: the JVM's own areas, then the native libraries, then what is left.
 */
public enum MemoryComponent {
    /** The Java heap's touched pages (NMT tag JAVAHEAP). */
    HEAP("heap"),
    /** Non-class metaspace (META). */
    METASPACE("metaspace"),
    /** Compressed class space (CLASS). */
    CLASS_SPACE("class_space"),
    /** Compiled code and its stubs (CODE). */
    CODE_CACHE("code_cache"),
    /** Every thread's stack: the JVM's (STACK-tid-name), the primordial one, and native threads' found by sp. */
    THREAD_STACKS("thread_stacks"),
    /** Mapped class-data archives, the JDK's and the launcher's (CDS). */
    CDS_ARCHIVES("cds_archives"),
    /** GC data structures and the card table (GC, CARDTBL). */
    GC("gc"),
    /**
     * glibc's {@code [heap]} and anonymous mappings NMT did not tag (glibc arenas, large malloc blocks, and the
     * libraries' .bss): the JVM's mallocs and GLib's and libqmi's alike, less NMT's own.
     */
    MALLOC("malloc"),
    LIBJVM("libjvm"),
    /** The JDK's other shared libraries, the launcher, {@code lib/modules}, and memory NMT tags JDK. */
    JDK_LIBS("jdk_libs"),
    /** libglib, libgobject, libgio, libgmodule. */
    GLIB("glib"),
    LIBQMI("libqmi"),
    LIBMBIM("libmbim"),
    /** Every other file mapping: libc, libm, libffi, locale files... */
    LIBC_AND_OTHER_LIBS("libc_and_other_libs"),
    /** The rest: vdso, small JVM areas (POLL, INTERN), tags this list does not name. */
    OTHER("other");

    private final String key;

    MemoryComponent(String key) {
        this.key = key;
    }

    /** Its name in report keys ({@code memory.breakdown.agent.<key>_kb}). */
    public String key() {
        return key;
    }
}
