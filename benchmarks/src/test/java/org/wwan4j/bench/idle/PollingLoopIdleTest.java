package org.wwan4j.bench.idle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PollingLoopIdleTest {

    @Test
    void oneCycleIsFiveMinutesOfTheOldAgentsDuty() {
        String script = PollingLoopIdle.script(Path.of("/dev/pts/7"), 1.0);

        // Per tick: 3 quick-probe calls; every 3rd tick: 2 metrics calls; on the 15th: the 14-call status.
        assertEquals(3 + 2 + 14, count(script, "call "));
        assertTrue(script.contains("while [ $tick -le 15 ]"), script);
        assertTrue(script.contains("if [ $((tick % 3)) -eq 0 ]"), script);
        assertTrue(script.contains("timeout 5 qmicli -p -d '/dev/pts/7' --device-open-qmi"), script);
        assertTrue(script.contains("sleep 1.00"), script);
    }

    private static int count(String text, String needle) {
        int count = 0;
        for (int at = text.indexOf("  call "); at >= 0; at = text.indexOf("  call ", at + 1)) {
            count++;
        }
        return count;
    }
}
