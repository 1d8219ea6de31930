package org.wwan4j.bench.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProcStatTest {

    /** /proc/1/stat of the development container. */
    private static final String INIT = "1 (process_api) S 0 0 0 0 -1 4194560 61293 10884076 0 469 329 1368 122718 "
            + "11704 20 0 13 0 30 49483776 4409 18446744073709551615 1 1 0 0 0 0 0 4096 1256 0 0 0 17 0 0 0 0 0 0 0 0 "
            + "0 0 0 0 0 0";

    /** A `sleep` started by a shell in its own process group (pgrp 24851), as the harness starts children. */
    private static final String SLEEP = "24898 (sleep) S 24857 24851 32436 0 -1 4194304 218 0 0 0 7 3 0 0 20 0 1 0 "
            + "299343 2990080 416 18446744073709551615 94705959903232 94705959921161 140723273712544 0 0 0 0 0 0 1 0 0 "
            + "17 1 0 0 0 0 0 94705959935248 94705959936512 94706683719680 140723273718070 140723273718082 "
            + "140723273718082 140723273719785 0";

    @Test
    void readsCpuTimesOfTheProcessAndOfItsReapedChildren() {
        ProcStat init = ProcStat.parse(INIT);

        assertEquals(1, init.pid());
        assertEquals("process_api", init.command());
        assertEquals(329, init.userTicks());
        assertEquals(1368, init.systemTicks());
        assertEquals(329 + 1368, init.cpuTicks());
        assertEquals(329 + 1368 + 122718 + 11704, init.cpuTicksWithReapedChildren());
    }

    @Test
    void readsParentAndProcessGroup() {
        ProcStat sleep = ProcStat.parse(SLEEP);

        assertEquals(24857, sleep.parentPid());
        assertEquals(24851, sleep.processGroup());
        assertEquals('S', sleep.state());
        assertEquals(10, sleep.cpuTicks());
    }

    @Test
    void aCommandWithSpacesAndParenthesesDoesNotShiftTheFields() {
        ProcStat odd = ProcStat.parse(SLEEP.replace("(sleep)", "(a) b (c))"));

        assertEquals("a) b (c)", odd.command());
        assertEquals(24851, odd.processGroup());
        assertEquals(10, odd.cpuTicks());
    }

    @Test
    void ticksAreHundredthsOfASecond() {
        assertEquals(16_970.0, ClockTicks.toMillis(1_697));
    }
}
