package org.wwan4j.bench.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class ThreadStackPointersTest {

    @Test
    void theStackPointerIsTheSecondToLastField() {
        // GLib's "gmain" thread of an agent, blocked in poll (7): nr, six arguments, sp, pc
        assertEquals(0x7f935e9fee10L,
                ThreadStackPointers.parse("7 0x7f936c34b3b0 0x1 0xffffffff 0x0 0x0 0x0 0x7f935e9fee10 0x7f937373026f\n"));
        // a thread stopped outside a system call
        assertEquals(0x7ffcf54862b0L, ThreadStackPointers.parse("-1 0x7ffcf54862b0 0x7f93736b9f16\n"));
    }

    @Test
    void aRunningThreadHasNone() {
        assertEquals(-1, ThreadStackPointers.parse("running\n"));
    }

    @Test
    void readsThisProcess() {
        assertFalse(ThreadStackPointers.of(ProcessHandle.current().pid()).isEmpty());
    }
}
