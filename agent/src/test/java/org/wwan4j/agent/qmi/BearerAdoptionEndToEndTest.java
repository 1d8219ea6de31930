package org.wwan4j.agent.qmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
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

    private EmulatedModem modem;
    private AgentHarness agent;

    @AfterEach
    void stop() {
        if (agent != null) {
            agent.close();
        }
        if (modem != null) {
            modem.close();
        }
    }

    private String config(EmulatedProtocol protocol, String apn) {
        return "{\"modems\": [{\"name\": \"m1\", \"match\": {\"device\": \"" + modem.path() + "\"}, \"protocol\": \""
                + protocol.name().toLowerCase(java.util.Locale.ROOT) + "\", \"interface\": \"emu0\","
                + " \"accessPoint\": {\"apn\": \"" + apn + "\"}, \"probe\": {\"method\": \"none\"}}]}";
    }

    private static boolean connectedOn(ModemStatus m, String apn) {
        return m.info().bearer() != null && m.info().bearer().connected() && apn.equals(m.info().bearer().apn());
    }

    /** Stops the agent and waits until the port has seen it go, so the next one starts on a clean stream. */
    private void stopAgent() throws InterruptedException {
        long closes = modem.statistics().lastClientCloses();
        agent.close();
        agent = null;
        AgentHarness.until("the port saw the agent go", () -> modem.statistics().lastClientCloses() > closes);
    }

    @ParameterizedTest
    @EnumSource(EmulatedProtocol.class)
    void aRestartedAgentAdoptsTheLiveBearerAndCanStillReplaceIt(EmulatedProtocol protocol) throws Exception {
        modem = EmulatedModem.start(protocol);
        EmulatorStatistics statistics = modem.statistics();
        agent = new AgentHarness(dir, config(protocol, "internet"), SupervisorSettings.DEFAULTS);
        agent.awaitModem("connected", m -> connectedOn(m, "internet"));
        assertEquals(1, statistics.connectRequests());
        stopAgent();
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

        agent = new AgentHarness(dir, config(protocol, "internet"), SupervisorSettings.DEFAULTS);
        ModemStatus adopted = agent.awaitModem("connected again", m -> connectedOn(m, "internet"));
        assertEquals(1, statistics.connectRequests(), "the live bearer is adopted, not connected again");
        assertTrue(modem.state().bearer().connected());
        assertTrue(adopted.events().stream().map(StatusEvent::message).anyMatch(e -> e.startsWith("adopted")),
                adopted.events()::toString);
        assertTrue(agent.ip.calls.contains("apply(emu0,10.64.12.34/30,mtu=0,metric=100)"), agent.ip.calls::toString);
        assertEquals(wdsClients, statistics.clientsAllocated("WDS"), "the WDS client ID is reused");

        agent.writeConfig(config(protocol, "ims"));
        agent.awaitModem("reconnected on the new APN", m -> connectedOn(m, "ims"));
        assertEquals("ims", modem.state().bearer().apn());
        assertEquals(2, statistics.connectRequests());
        assertEquals(0, statistics.connectRequestsWhileUp(), "the adopted bearer was stopped before connecting");
    }
}
