package org.wwan4j.bench.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ModemManagerStackTest {

    @Test
    void theKernelEventNamesTheEmulatedPortRelativeToDev() {
        assertEquals("action=add,subsystem=usbmisc,name=pts/3\n", ModemManagerStack.kernelEvents(Path.of("/dev/pts/3")));
    }

    @Test
    void thePrivateBusListensOnlyOnItsOwnSocket() {
        String config = ModemManagerStack.busConfig(Path.of("/tmp/wwan4j-bench-1/mm-bus.socket"));

        assertTrue(config.contains("<listen>unix:path=/tmp/wwan4j-bench-1/mm-bus.socket</listen>"), config);
        assertTrue(config.contains("<type>session</type>"), config);
    }
}
