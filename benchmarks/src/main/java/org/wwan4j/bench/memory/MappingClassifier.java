package org.wwan4j.bench.memory;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.wwan4j.bench.proc.SmapsMappings.Mapping;
import org.wwan4j.bench.proc.SoleJvm;

/**
 * Decides which {@link MemoryComponent} one mapping belongs to: by its NMT tag when the JVM reserved it, else by
 * the file it maps, else (anonymous memory) as a thread's stack if a thread's stack pointer is in it, and as malloc
 * otherwise. A library's .bss is anonymous too and so counts as malloc (libjvm's is about 400 kB): telling it from
 * an arena or a large malloc block the kernel placed, or merged, right after the library would need its ELF
 * headers, and guessing by adjacency once put 7 MB of malloc under glib.
 */
public final class MappingClassifier {

    private static final String STACK_TAG_PREFIX = "STACK";
    private static final Map<String, MemoryComponent> BY_TAG = Map.of("JAVAHEAP", MemoryComponent.HEAP,
            "META", MemoryComponent.METASPACE, "CLASS", MemoryComponent.CLASS_SPACE,
            "CODE", MemoryComponent.CODE_CACHE, "CDS", MemoryComponent.CDS_ARCHIVES, "GC", MemoryComponent.GC,
            "CARDTBL", MemoryComponent.GC, "JDK", MemoryComponent.JDK_LIBS);
    private static final List<String> GLIB = List.of("libglib-2.0.so", "libgobject-2.0.so", "libgio-2.0.so",
            "libgmodule-2.0.so");
    private static final String LIBQMI = "libqmi-glib.so";
    private static final String LIBMBIM = "libmbim-glib.so";
    private static final String LIBJVM = "libjvm.so";
    private static final String ARCHIVE_SUFFIX = ".jsa";
    private static final String GLIBC_HEAP = "[heap]";
    private static final String PRIMORDIAL_STACK = "[stack]";

    private final Path jdkHome;
    private final SoleJvm soleJvm;

    /** {@code jdkHome}: the JDK the measured JVM runs from; files under it are the JDK's. */
    public MappingClassifier(Path jdkHome) {
        this.jdkHome = jdkHome;
        this.soleJvm = new SoleJvm(jdkHome);
    }

    /** What a mapping adds to its component: its PSS, or all its pages for a file the JVM brings ({@link SoleJvm}). */
    public long countedKb(Mapping mapping) {
        return soleJvm.kb(mapping);
    }

    /**
     * @param tag        the mapping's NMT tag from System.map, or null
     * @param holdsStack whether a thread's stack pointer is inside it
     */
    public MemoryComponent classify(Mapping mapping, String tag, boolean holdsStack) {
        if (tag != null) {
            return byTag(tag);
        }
        if (mapping.fileBacked()) {
            return byFile(mapping.name());
        }
        if (mapping.name().equals(GLIBC_HEAP)) {
            return MemoryComponent.MALLOC;
        }
        if (mapping.name().equals(PRIMORDIAL_STACK) || holdsStack) {
            return MemoryComponent.THREAD_STACKS;
        }
        if (!mapping.anonymous()) {
            return MemoryComponent.OTHER; // [vdso], [vvar] and the like
        }
        return MemoryComponent.MALLOC;
    }

    static MemoryComponent byTag(String tag) {
        if (tag.startsWith(STACK_TAG_PREFIX)) {
            return MemoryComponent.THREAD_STACKS;
        }
        return BY_TAG.getOrDefault(tag, MemoryComponent.OTHER);
    }

    MemoryComponent byFile(String file) {
        String name = Path.of(file).getFileName().toString();
        if (name.equals(LIBJVM)) {
            return MemoryComponent.LIBJVM;
        }
        if (name.startsWith(LIBQMI)) {
            return MemoryComponent.LIBQMI;
        }
        if (name.startsWith(LIBMBIM)) {
            return MemoryComponent.LIBMBIM;
        }
        if (GLIB.stream().anyMatch(name::startsWith)) {
            return MemoryComponent.GLIB;
        }
        if (name.endsWith(ARCHIVE_SUFFIX)) {
            return MemoryComponent.CDS_ARCHIVES; // an archive NMT did not tag (it tags those it maps itself)
        }
        if (Path.of(file).startsWith(jdkHome)) {
            return MemoryComponent.JDK_LIBS;
        }
        return MemoryComponent.LIBC_AND_OTHER_LIBS;
    }

}
