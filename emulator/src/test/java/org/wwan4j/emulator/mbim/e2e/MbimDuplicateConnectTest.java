package org.wwan4j.emulator.mbim.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.wwan4j.emulator.EmulatedModemExtension;
import org.wwan4j.emulator.EmulatorStatistics;
import org.wwan4j.emulator.EmulatedProtocol;

/** The statistics tell an MBIM Connect activate sent while the session is already up from a first one. */
@Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MbimDuplicateConnectTest {

    @RegisterExtension
    final EmulatedModemExtension emulator = EmulatedModemExtension.of(EmulatedProtocol.MBIM);
    private final Mbimcli mbimcli = Mbimcli.on(emulator::path);

    @Test
    void anActivateWhileTheSessionIsUpIsCountedAsADuplicate() throws Exception {
        EmulatorStatistics statistics = emulator.modem().statistics();
        assertEquals("activated", mbimcli.ok("--connect=access-string=internet").field("Activation state"));
        assertEquals(1, statistics.connectRequests());
        assertEquals(0, statistics.connectRequestsWhileUp());

        mbimcli.ok("--query-connection-state");
        assertEquals(1, statistics.connectRequests(), "a query is not a connect request");

        Mbimcli.Result again = mbimcli.run("--connect=access-string=internet");
        assertNotEquals(0, again.exitCode(), again.all());
        assertEquals(2, statistics.connectRequests());
        assertEquals(1, statistics.connectRequestsWhileUp());

        mbimcli.ok("--disconnect");
        assertEquals(2, statistics.connectRequests(), "a deactivate is not a connect request");
    }
}
