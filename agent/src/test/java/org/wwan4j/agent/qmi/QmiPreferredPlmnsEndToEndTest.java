package org.wwan4j.agent.qmi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.wwan4j.agent.supervisor.SupervisorSettings;
import org.wwan4j.emulator.EmulatedModem;
import org.wwan4j.emulator.EmulatedProtocol;
import org.wwan4j.emulator.model.Plmn;

/** Preferred PLMNs from the config reach the modem's preferred-networks list, 3-digit MNCs intact. */
@Timeout(180)
class QmiPreferredPlmnsEndToEndTest {

    @TempDir
    Path dir;

    @Test
    void configuredPlmnsReplaceTheModemsPreferredNetworks() throws Exception {
        try (EmulatedModem modem = EmulatedModem.start(EmulatedProtocol.QMI);
                AgentHarness agent = new AgentHarness(dir, AgentHarness.config(modem.path().toString(),
                        "\"preferredPlmns\": [\"26207\", \"310410\"]", ""), SupervisorSettings.DEFAULTS)) {
            AgentHarness.until("the emulator holds the configured PLMNs",
                    () -> ids(modem.state().preferredNetworks()).equals(List.of("26207", "310410")));
            assertEquals(List.of("26207", "310410"), ids(modem.state().preferredNetworks()));
        }
    }

    private static List<String> ids(List<Plmn> networks) {
        return networks.stream().map(p -> p.mcc() + p.mnc()).toList();
    }
}
