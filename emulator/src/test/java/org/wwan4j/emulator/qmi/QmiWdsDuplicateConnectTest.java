package org.wwan4j.emulator.qmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.wwan4j.emulator.EmulatedModemExtension;
import org.wwan4j.emulator.EmulatorStatistics;
import org.wwan4j.emulator.EmulatedProtocol;

/**
 * What a host that restarted needs from WDS, seen through qmicli 1.32: the statistics tell a duplicate Start Network
 * (one sent while the call is already up) from a first one, and the global packet data handle stops a call that
 * another client started, so a host that lost the handle can still end the call it adopted.
 */
@Timeout(60)
class QmiWdsDuplicateConnectTest {

    @RegisterExtension
    final EmulatedModemExtension emulator = EmulatedModemExtension.of(EmulatedProtocol.QMI);
    private final Qmicli qmicli = Qmicli.on(emulator::path);

    @Test
    void aStartNetworkWhileTheCallIsUpIsCountedAsADuplicate() {
        EmulatorStatistics statistics = emulator.modem().statistics();
        qmicli.ok("--wds-start-network=apn=internet,ip-type=4", "--client-no-release-cid");
        assertEquals(1, statistics.connectRequests());
        assertEquals(0, statistics.connectRequestsWhileUp());

        Qmicli.Result again = qmicli.run("--wds-start-network=apn=internet,ip-type=4", "--client-no-release-cid");
        assertTrue(again.stderr().contains("NoEffect") || again.stdout().contains("NoEffect"), again::toString);
        assertEquals(2, statistics.connectRequests());
        assertEquals(1, statistics.connectRequestsWhileUp());
    }

    @Test
    void theGlobalHandleStopsACallAnotherClientStarted() {
        qmicli.ok("--wds-start-network=apn=internet,ip-type=4", "--client-no-release-cid");
        assertTrue(emulator.state().bearer().connected());

        // A fresh WDS client, which never saw the call's handle: qmicli sends 0xFFFFFFFF for disable-autoconnect.
        qmicli.ok("--wds-stop-network=disable-autoconnect");
        assertFalse(emulator.state().bearer().connected());
        assertTrue(qmicli.ok("--wds-get-packet-service-status").stdout().contains("Connection status: 'disconnected'"));
    }
}
