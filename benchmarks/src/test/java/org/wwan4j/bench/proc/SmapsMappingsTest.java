package org.wwan4j.bench.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wwan4j.bench.proc.SmapsMappings.Mapping;

class SmapsMappingsTest {

    /** Three entries of an agent's /proc/PID/smaps (JDK path made neutral; fields between Rss and VmFlags cut). */
    private static final String AGENT_SMAPS = """
            fe000000-100000000 rw-p 00000000 00:00 0\s
            Size:              32768 kB
            KernelPageSize:        4 kB
            MMUPageSize:           4 kB
            Rss:                9872 kB
            Pss:                9872 kB
            Pss_Dirty:          9872 kB
            SwapPss:               0 kB
            VmFlags: rd wr mr mw me ac sd\s
            55abdbd3e000-55abdbf1e000 rw-p 00000000 00:00 0                          [heap]
            Size:               1920 kB
            Rss:                 720 kB
            Pss:                 720 kB
            VmFlags: rd wr mr mw me ac sd\s
            7f937356b000-7f9373596000 rw-p 0176b000 fe:00 328747                     /opt/jdk-25/lib/server/libjvm.so
            Size:                172 kB
            Rss:                 172 kB
            Pss:                 172 kB
            VmFlags: rd wr mr mw me ac sd\s
            """;

    @Test
    void readsEachMappingsRangePermissionsNameAndPss() {
        List<Mapping> mappings = SmapsMappings.parse(AGENT_SMAPS);

        assertEquals(List.of(
                new Mapping(0xfe000000L, 0x100000000L, "rw-p", "", 9872),
                new Mapping(0x55abdbd3e000L, 0x55abdbf1e000L, "rw-p", "[heap]", 720),
                new Mapping(0x7f937356b000L, 0x7f9373596000L, "rw-p", "/opt/jdk-25/lib/server/libjvm.so", 172)),
                mappings);
    }

    @Test
    void tellsAnonymousMemoryFromFilesAndKernelAreas() {
        List<Mapping> mappings = SmapsMappings.parse(AGENT_SMAPS);

        assertTrue(mappings.get(0).anonymous());
        assertFalse(mappings.get(1).anonymous());
        assertFalse(mappings.get(1).fileBacked());
        assertTrue(mappings.get(2).fileBacked());
    }

    @Test
    void aDeletedFileKeepsTheSpaceInItsName() {
        List<Mapping> mappings = SmapsMappings.parse("""
                7f10a4000000-7f10a4001000 rw-s 00000000 00:01 4242                       /memfd:jit (deleted)
                Pss:                   4 kB
                """);

        assertEquals("/memfd:jit (deleted)", mappings.getFirst().name());
    }

    @Test
    void readsThisProcessAndItsPssAddsUpToTheRollup() throws Exception {
        long pid = ProcessHandle.current().pid();
        long sum = SmapsMappings.read(pid).stream().mapToLong(Mapping::pssKb).sum();
        long rollup = SmapsRollup.pssKb(pid);

        assertTrue(Math.abs(sum - rollup) < rollup / 10, sum + " vs " + rollup); // pages change between the reads
    }
}
