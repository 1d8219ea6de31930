package org.wwan4j.bench.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wwan4j.bench.proc.SmapsMappings.Mapping;

class PssBreakdownTest {

    private static final MappingClassifier CLASSIFIER = new MappingClassifier(Path.of("/opt/jdk-25"));

    @Test
    void everyMappingOfTheAgentLandsInItsComponent() {
        PssBreakdown breakdown = PssBreakdown.of(AgentMappings.mappings(), AgentMappings.regions(),
                AgentMappings.NATIVE_THREAD_STACK_POINTERS, AgentMappings.NMT_OWN_KB, CLASSIFIER);

        assertEquals(9872, breakdown.kb(MemoryComponent.HEAP));
        assertEquals(16340, breakdown.kb(MemoryComponent.CDS_ARCHIVES));
        assertEquals(12 + 8 + 100, breakdown.kb(MemoryComponent.THREAD_STACKS)); // pool, gmain, wwan-modem1
        // glibc's [heap], an arena, and libjvm's .bss (anonymous, right after libjvm's data), less NMT's own
        assertEquals(720 + 10316 + 384 - AgentMappings.NMT_OWN_KB, breakdown.kb(MemoryComponent.MALLOC));
        assertEquals(172, breakdown.kb(MemoryComponent.LIBJVM));
        assertEquals(588, breakdown.kb(MemoryComponent.LIBQMI));
        assertEquals(280, breakdown.kb(MemoryComponent.GLIB));
        assertEquals(64, breakdown.kb(MemoryComponent.GC));
        assertEquals(4, breakdown.kb(MemoryComponent.OTHER)); // the polling page; the vdso has no PSS
        assertEquals(0, breakdown.kb(MemoryComponent.METASPACE));
    }

    @Test
    void theComponentsAddUpToThePssLessNmtsOwnMemory() {
        List<Mapping> mappings = AgentMappings.mappings();
        long pss = mappings.stream().mapToLong(Mapping::pssKb).sum();

        PssBreakdown breakdown = PssBreakdown.of(mappings, AgentMappings.regions(),
                AgentMappings.NATIVE_THREAD_STACK_POINTERS, AgentMappings.NMT_OWN_KB, CLASSIFIER);

        assertEquals(pss - AgentMappings.NMT_OWN_KB, breakdown.totalKb());
    }

    @Test
    void withoutStackPointersNativeThreadStacksCountAsMalloc() {
        PssBreakdown breakdown = PssBreakdown.of(AgentMappings.mappings(), AgentMappings.regions(), List.of(),
                AgentMappings.NMT_OWN_KB, CLASSIFIER);

        assertEquals(100, breakdown.kb(MemoryComponent.THREAD_STACKS));
        assertEquals(720 + 10316 + 384 + 12 + 8 - AgentMappings.NMT_OWN_KB, breakdown.kb(MemoryComponent.MALLOC));
    }

    @Test
    void aMappingSplitDifferentlyBetweenTheTwoReadsTakesTheTagCoveringItsStart() {
        // the heap grew between System.map and smaps, and the kernel split it: both halves are heap
        List<Mapping> split = List.of(new Mapping(0xfe000000L, 0xff000000L, "rw-p", "", 8000),
                new Mapping(0xff000000L, 0x100000000L, "rw-p", "", 1872));

        PssBreakdown breakdown = PssBreakdown.of(split, AgentMappings.regions(), List.of(), 0, CLASSIFIER);

        assertEquals(9872, breakdown.kb(MemoryComponent.HEAP));
    }
}
