package org.wwan4j.bench.latency;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleFileTest {

    @Test
    void baselineSamplesAreMicrosecondsWithThreeDecimals() {
        // As native/src/baseline.c writes them: "%.3f\n" of nanoseconds / 1000.
        assertArrayEquals(new long[] {273_125, 1_075_004, 6_496_000},
                SampleFile.parseMicrosAsNanos(List.of("273.125", "1075.004", "6496.000", "")));
    }

    @Test
    void theCliCommandsAreTheOldAgentsOnes() {
        CliPerRequestLatency qmicli = new CliPerRequestLatency(null, "qmi", true);
        CliPerRequestLatency mbimcli = new CliPerRequestLatency(null, "mbim", false);

        assertEquals(List.of("qmicli", "-d", "/dev/pts/3", "--device-open-qmi", "-p", "--dms-get-ids"),
                qmicli.command(Path.of("/dev/pts/3")));
        assertEquals("qmicli_proxy", qmicli.name());
        assertEquals(List.of("mbimcli", "-d", "/dev/pts/4", "--query-device-caps"), mbimcli.command(Path.of("/dev/pts/4")));
        assertEquals("mbimcli", mbimcli.name());
    }
}
