package org.wwan4j.agent.qmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wwan4j.agent.status.ModemStatus;
import org.wwan4j.agent.status.StatusEvent;
import org.wwan4j.agent.supervisor.SupervisorSettings;
import org.wwan4j.emulator.EmulatedModem;
import org.wwan4j.emulator.EmulatorStatistics;
import org.wwan4j.emulator.EmulatedProtocol;

/**
 * An agent that stops (leaving the bearer up, as close and kill -9 both do) and starts again on the same state dir
 * adopts the live bearer: no connect request reaches the modem, the session is never dropped. Over QMI the WDS
 * client ID comes back from the CID store and the APN from Get Current Settings; over MBIM the session is resumed
 * and the CONNECT query tells the session is up. A later APN change still disconnects the adopted bearer, over QMI
 * even when the packet data handle was lost (the process died before writing it): the global handle stops it.
 */
@Timeout(180)
class BearerAdoptionEndToEndTest {

    @TempDir
    Path dir;
    @RegisterExtension
    final EmulatedModemAndAgent e2e = new EmulatedModemAndAgent();

    /** The fixture's one-modem config on another APN. */
    private String config(String apn) {
        return e2e.config("").replace("\"apn\": \"internet\"", "\"apn\": \"" + apn + "\"");
    }

    private static boolean connectedOn(ModemStatus m, String apn) {
        return EmulatedModemAndAgent.connected(m) && apn.equals(m.info().bearer().apn());
    }

    @ParameterizedTest
    @EnumSource(EmulatedProtocol.class)
    void aRestartedAgentAdoptsTheLiveBearerAndCanStillReplaceIt(EmulatedProtocol protocol) throws Exception {
        EmulatedModem modem = e2e.startModem(protocol);
        EmulatorStatistics statistics = modem.statistics();
        AgentHarness agent = e2e.startAgent(dir, config("internet"), SupervisorSettings.DEFAULTS);
        agent.awaitModem("connected", m -> connectedOn(m, "internet"));
        assertEquals(1, statistics.connectRequests());
        e2e.stopAgent();
        assertTrue(modem.state().bearer().connected(), "stopping the agent leaves the bearer up");
        if (protocol == EmulatedProtocol.QMI) {
            // As if the previous process died between the modem's answer to Start Network and writing the handle.
            try (Stream<Path> files = Files.list(dir.resolve("state"))) {
                for (Path handle : files.filter(f -> f.toString().endsWith(".qmi-data-handle")).toList()) {
                    Files.delete(handle);
                }
            }
        }
        long wdsClients = statistics.clientsAllocated("WDS");

        AgentHarness restarted = e2e.startAgent(dir, config("internet"), SupervisorSettings.DEFAULTS);
        ModemStatus adopted = restarted.awaitModem("connected again", m -> connectedOn(m, "internet"));
        assertEquals(1, statistics.connectRequests(), "the live bearer is adopted, not connected again");
        assertTrue(modem.state().bearer().connected());
        assertTrue(adopted.events().stream().map(StatusEvent::message).anyMatch(e -> e.startsWith("adopted")),
                adopted.events()::toString);
        assertTrue(restarted.ip.calls.contains("apply(emu0,10.64.12.34/30,mtu=0,metric=100)"),
                restarted.ip.calls::toString);
        assertEquals(wdsClients, statistics.clientsAllocated("WDS"), "the WDS client ID is reused");

        restarted.writeConfig(config("ims"));
        restarted.awaitModem("reconnected on the new APN", m -> connectedOn(m, "ims"));
        assertEquals("ims", modem.state().bearer().apn());
        assertEquals(2, statistics.connectRequests());
        assertEquals(0, statistics.connectRequestsWhileUp(), "the adopted bearer was stopped before connecting");
    }
}
