package org.wwan4j.bench.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.wwan4j.bench.proc.SmapsMappings.Mapping;

class MappingClassifierTest {

    private final MappingClassifier classifier = new MappingClassifier(Path.of("/opt/jdk-25"));

    @Test
    void theNmtTagDecidesForWhatTheJvmReserved() {
        Mapping anonymous = new Mapping(0xfe000000L, 0x100000000L, "rw-p", "", 9872);

        assertEquals(MemoryComponent.HEAP, classifier.classify(anonymous, "JAVAHEAP", false));
        assertEquals(MemoryComponent.METASPACE, classifier.classify(anonymous, "META", false));
        assertEquals(MemoryComponent.CLASS_SPACE, classifier.classify(anonymous, "CLASS", false));
        assertEquals(MemoryComponent.CODE_CACHE, classifier.classify(anonymous, "CODE", false));
        assertEquals(MemoryComponent.THREAD_STACKS,
                classifier.classify(anonymous, "STACK-16924-wwan-modem1", false));
        assertEquals(MemoryComponent.GC, classifier.classify(anonymous, "CARDTBL", false));
        assertEquals(MemoryComponent.OTHER, classifier.classify(anonymous, "POLL", false));
    }

    @Test
    void aTaggedArchiveIsCdsThoughItIsAFile() {
        Mapping archive = new Mapping(0xa8d95000L, 0xa9d8f000L, "rw-p", "/tmp/wwan4j-bench-1/cds/agent.jsa", 16340);

        assertEquals(MemoryComponent.CDS_ARCHIVES, classifier.classify(archive, "CDS", false));
    }

    @Test
    void filesAreSortedByLibrary() {
        assertEquals(MemoryComponent.LIBJVM, classifier.byFile("/opt/jdk-25/lib/server/libjvm.so"));
        assertEquals(MemoryComponent.JDK_LIBS, classifier.byFile("/opt/jdk-25/lib/libnio.so"));
        assertEquals(MemoryComponent.JDK_LIBS, classifier.byFile("/opt/jdk-25/lib/modules"));
        assertEquals(MemoryComponent.JDK_LIBS, classifier.byFile("/opt/jdk-25/bin/java"));
        assertEquals(MemoryComponent.GLIB, classifier.byFile("/usr/lib/x86_64-linux-gnu/libglib-2.0.so.0.7400.6"));
        assertEquals(MemoryComponent.GLIB, classifier.byFile("/usr/lib/x86_64-linux-gnu/libgio-2.0.so.0.7400.6"));
        assertEquals(MemoryComponent.GLIB, classifier.byFile("/usr/lib/x86_64-linux-gnu/libgobject-2.0.so.0.7400.6"));
        assertEquals(MemoryComponent.GLIB, classifier.byFile("/usr/lib/x86_64-linux-gnu/libgmodule-2.0.so.0.7400.6"));
        assertEquals(MemoryComponent.LIBQMI, classifier.byFile("/usr/lib/x86_64-linux-gnu/libqmi-glib.so.5.9.0"));
        assertEquals(MemoryComponent.LIBMBIM, classifier.byFile("/usr/lib/x86_64-linux-gnu/libmbim-glib.so.4.7.0"));
        assertEquals(MemoryComponent.LIBC_AND_OTHER_LIBS, classifier.byFile("/usr/lib/x86_64-linux-gnu/libc.so.6"));
        assertEquals(MemoryComponent.LIBC_AND_OTHER_LIBS, classifier.byFile("/usr/lib/locale/C.utf8/LC_CTYPE"));
    }

    @Test
    void anonymousMemoryIsMallocUnlessAThreadsStackPointerIsInIt() {
        Mapping arena = new Mapping(0x7f936c000000L, 0x7f936cab8000L, "rw-p", "", 10316);
        Mapping gmainStack = new Mapping(0x7f935e200000L, 0x7f935ea00000L, "rw-p", "", 8);

        assertEquals(MemoryComponent.MALLOC, classifier.classify(arena, null, false));
        assertEquals(MemoryComponent.THREAD_STACKS, classifier.classify(gmainStack, null, true));
    }

    @Test
    void glibcsHeapIsMallocAndKernelAreasAreOther() {
        Mapping heap = new Mapping(0x55abdbd3e000L, 0x55abdbf1e000L, "rw-p", "[heap]", 720);
        Mapping primordialStack = new Mapping(0x7ffcf546c000L, 0x7ffcf548d000L, "rw-p", "[stack]", 32);
        Mapping vdso = new Mapping(0x7f9373844000L, 0x7f9373846000L, "r-xp", "[vdso]", 0);

        assertEquals(MemoryComponent.MALLOC, classifier.classify(heap, null, false));
        assertEquals(MemoryComponent.THREAD_STACKS, classifier.classify(primordialStack, null, false));
        assertEquals(MemoryComponent.OTHER, classifier.classify(vdso, null, false));
    }
}
