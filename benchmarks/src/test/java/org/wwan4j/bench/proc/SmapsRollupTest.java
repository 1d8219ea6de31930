package org.wwan4j.bench.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SmapsRollupTest {

    /** /proc/self/smaps_rollup of `cat` on the development machine (kernel with Pss_Dirty/Pss_Anon lines). */
    private static final String CAT_ROLLUP = """
            5587f5db4000-7ffcb8006000 ---p 00000000 00:00 0                          [rollup]
            Rss:                1600 kB
            Pss:                 200 kB
            Pss_Dirty:           116 kB
            Pss_Anon:            116 kB
            Pss_File:             84 kB
            Pss_Shmem:             0 kB
            Shared_Clean:       1444 kB
            Shared_Dirty:          0 kB
            Private_Clean:        40 kB
            Private_Dirty:       116 kB
            Referenced:         1600 kB
            Anonymous:           116 kB
            Swap:                  0 kB
            SwapPss:               0 kB
            Locked:                0 kB
            """;

    @Test
    void readsThePssLineNotItsBreakdownOrSwapPss() {
        assertEquals(OptionalLong.of(200), SmapsRollup.parsePssKb(CAT_ROLLUP));
    }

    @Test
    void aRollupWithoutPssIsEmpty() {
        assertTrue(SmapsRollup.parsePssKb("Rss: 1600 kB\n").isEmpty());
    }

    @Test
    void readsThisProcess() throws Exception {
        assertTrue(SmapsRollup.pssKb(ProcessHandle.current().pid()) > 0);
    }
}
