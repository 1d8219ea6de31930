package org.wwan4j.bench.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wwan4j.bench.proc.SystemMap.Region;

class SystemMapTest {

    /** The start of `jcmd PID System.map` of an agent under NMT (JDK 25), a few mapping lines, and its totals. */
    private static final String AGENT_SYSTEM_MAP = """
            16889:
            Memory mappings:
            from, to, vsize: address range and size
            vm info:         VM information (requires NMT)
                               CARDTBL: GC Card table
                                   CDS: CDS archives
                              JAVAHEAP: Java Heap
                                 STACK: (known) Thread Stack
            file:            file mapped, if mapping is not anonymous

            from               to                        vsize prot          rss      hugetlb pgsz notes            info                                  file
            ========================================================================================================================================================================
            0x00000000a8d95000-0x00000000a9d8f000     16752640 rw-p     16732160            0 4K   com              CDS                                   /tmp/wwan4j-bench-1/cds/agent.jsa
            0x00000000fe000000-0x0000000100000000     33554432 rw-p     10108928            0 4K   com              JAVAHEAP                              -
            0x000055abdbd3e000-0x000055abdbf1e000      1966080 rw-p       737280            0 4K   com              -                                     [heap]
            0x00007f935eec4000-0x00007f935ef00000       245760 rw-p       102400            0 4K   com,nothp        STACK-16924-wwan-modem1               -
            0x00007f935ea99000-0x00007f935ec49000      1769472 r-xp      1204224            0 4K   com              -                                     /usr/lib/x86_64-linux-gnu/libqmi-glib.so.5.9.0

            Number of mappings: 298
                         vsize: 1069899776 (1020M)
            """;

    @Test
    void readsTheRangeAndTagOfEveryMappingLineAndNothingElse() {
        List<Region> regions = SystemMap.parse(AGENT_SYSTEM_MAP);

        assertEquals(List.of(new Region(0xa8d95000L, 0xa9d8f000L, "CDS"),
                new Region(0xfe000000L, 0x100000000L, "JAVAHEAP"),
                new Region(0x55abdbd3e000L, 0x55abdbf1e000L, null),
                new Region(0x7f935eec4000L, 0x7f935ef00000L, "STACK-16924-wwan-modem1"),
                new Region(0x7f935ea99000L, 0x7f935ec49000L, null)), regions);
    }

    @Test
    void aMappingHoldingSeveralRegionsTakesTheFirstTag() {
        List<Region> regions = SystemMap.parse(
                "0x00007f7bbb458000-0x00007f7bbb4b7000       389120 rw-p       335872            0 4K   com              GC,CARDTBL                            -\n");

        assertEquals("GC", regions.getFirst().tag());
    }

    @Test
    void withoutNmtEveryTagIsEmpty() {
        List<Region> regions = SystemMap.parse("""
                7323:
                Memory mappings:
                NMT is disabled. VM info not available.
                0x0000000046001000-0x0000000046d95000     14237696 rw-p     13922304            0 4K   com              -                                     /opt/jdk-25/lib/server/classes.jsa
                """);

        assertTrue(regions.stream().allMatch(region -> region.tag() == null));
    }
}
