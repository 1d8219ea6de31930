package org.wwan4j.bench.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NativeMemorySummaryTest {

    /** Parts of `jcmd PID VM.native_memory summary scale=KB` of an agent (JDK 25), categories in between cut. */
    private static final String AGENT_SUMMARY = """
            16889:

            Native Memory Tracking:

            (Omitting categories weighting less than 1KB)

            Total: reserved=223783KB, committed=84115KB
                   malloc: 11811KB #30882, peak=11273KB #30883
                   mmap:   reserved=211972KB, committed=72304KB

            -                 Java Heap (reserved=32768KB, committed=32768KB)
                                        (mmap: reserved=32768KB, committed=32768KB, at peak)

            -                     Class (reserved=49616KB, committed=1040KB)
                                        (classes #3884)
                                        (  instance classes #3533, array classes #351)
                                        (malloc=464KB tag=Class #8613) (at peak)
                                        (mmap: reserved=49152KB, committed=576KB, at peak)
                                        (  Metadata:   )
                                        (    reserved=65536KB, committed=2688KB)
                                        (    used=2463KB)
                                        (    waste=225KB =8.36%)
                                        (  Class space:)
                                        (    reserved=49152KB, committed=576KB)
                                        (    used=367KB)
                                        (    waste=209KB =36.26%)

            -                    Thread (reserved=12123KB, committed=2223KB)
                                        (threads #28)
                                        (stack: reserved=12032KB, committed=2132KB, peak=2132KB)

            -    Native Memory Tracking (reserved=552KB, committed=552KB)
                                        (malloc=9KB tag=Native Memory Tracking #138) (at peak)
                                        (tracking overhead=543KB)
            """;

    @Test
    void readsMallocTrackingMetaspaceClassesAndThreads() {
        NativeMemorySummary summary = NativeMemorySummary.parse(AGENT_SUMMARY);

        assertEquals(new NativeMemorySummary(11811, 552, 2463 + 367, 3884, 28), summary);
    }

    @Test
    void aSummaryWithoutFiguresIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> NativeMemorySummary.parse("7323:\nNative memory tracking is not enabled\n"));
    }
}
