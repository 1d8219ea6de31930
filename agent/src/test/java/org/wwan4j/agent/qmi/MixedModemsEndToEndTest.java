package org.wwan4j.agent.qmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.wwan4j.agent.status.AgentStatus;
import org.wwan4j.agent.status.HealthState;
import org.wwan4j.agent.status.ModemStatus;
import org.wwan4j.agent.status.RegistrationState;
import org.wwan4j.agent.supervisor.SupervisorSettings;
import org.wwan4j.emulator.EmulatedModem;
import org.wwan4j.emulator.EmulatedProtocol;

/**
 * Three modems at once, two QMI and one MBIM, each on its own emulated port: one agent brings all three up and
 * reports each with its own protocol, and a slow or failing one could not hold the others back (one supervisor
 * each). The same config, status and IP path as a single modem.
 */
@Timeout(180)
class MixedModemsEndToEndTest {

    @TempDir
    Path dir;

    private final List<EmulatedModem> modems = new ArrayList<>();
    private AgentHarness agent;

    @AfterEach
    void stop() {
        if (agent != null) {
            agent.close();
        }
        modems.forEach(EmulatedModem::close);
    }

    private static String entry(String name, EmulatedModem modem, String protocol, String iface) {
        return "{\"name\": \"" + name + "\", \"match\": {\"device\": \"" + modem.path() + "\"}, \"protocol\": \""
                + protocol + "\", \"interface\": \"" + iface + "\", \"accessPoint\": {\"apn\": \"internet\"},"
                + " \"probe\": {\"method\": \"none\"}}";
    }

    @Test
    void twoQmiModemsAndOneMbimModemAreAllConnectedByOneAgent() throws Exception {
        EmulatedModem qmi1 = EmulatedModem.start(EmulatedProtocol.QMI);
        modems.add(qmi1);
        EmulatedModem qmi2 = EmulatedModem.start(EmulatedProtocol.QMI);
        modems.add(qmi2);
        EmulatedModem mbim = EmulatedModem.start(EmulatedProtocol.MBIM);
        modems.add(mbim);
        String config = "{\"modems\": [" + entry("q1", qmi1, "qmi", "emu1") + ", " + entry("q2", qmi2, "qmi", "emu2")
                + ", " + entry("m3", mbim, "mbim", "emu3") + "]}";
        agent = new AgentHarness(dir, config, SupervisorSettings.DEFAULTS);

        AgentStatus status = agent.await("all three connected", s -> s.modems().size() == 3
                && s.modems().stream().allMatch(m -> m.info().bearer() != null && m.info().bearer().connected()));

        List<String> names = status.modems().stream().map(ModemStatus::name).sorted().toList();
        assertEquals(List.of("m3", "q1", "q2"), names);
        for (ModemStatus m : status.modems()) {
            org.wwan4j.agent.config.Protocol expected = m.name().startsWith("m")
                    ? org.wwan4j.agent.config.Protocol.MBIM : org.wwan4j.agent.config.Protocol.QMI;
            assertEquals(expected, m.info().protocol(), m.name());
            assertEquals(HealthState.OK, m.health().state(), m.name());
            assertEquals(RegistrationState.HOME, m.info().registration().state(), m.name());
            assertEquals("07", m.info().registration().mnc(), m.name() + " keeps the MNC's leading zero");
            assertEquals("internet", m.info().bearer().apn(), m.name());
        }
        for (EmulatedModem modem : modems) {
            assertTrue(modem.state().bearer().connected(), "every emulated modem has its data call up");
        }
        for (String iface : List.of("emu1", "emu2", "emu3")) {
            assertTrue(agent.ip.calls.stream().anyMatch(call -> call.startsWith("apply(" + iface + ",")),
                    () -> iface + " got no IP settings: " + agent.ip.calls);
        }
    }
}
