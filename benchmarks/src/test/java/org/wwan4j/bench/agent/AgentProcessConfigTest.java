package org.wwan4j.bench.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.jr.ob.JSON;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wwan4j.agent.config.AgentConfig;
import org.wwan4j.agent.config.ConfigParser;
import org.wwan4j.agent.config.ProbeConfig;

/** The measured agent's config: one QMI modem per device, with the settings a caller adds to each. */
class AgentProcessConfigTest {

    @Test
    @SuppressWarnings("unchecked")
    void modemSettingsGoIntoEveryModem() throws Exception {
        String config = AgentProcess.config(List.of(Path.of("/dev/pts/7"), Path.of("/dev/pts/8")),
                "\"probe\":{\"method\":\"none\"}");
        List<Map<String, Object>> modems = (List<Map<String, Object>>) JSON.std.mapFrom(config).get("modems");
        assertEquals(2, modems.size());
        for (Map<String, Object> modem : modems) {
            assertEquals(Map.of("method", "none"), modem.get("probe"));
            assertEquals("qmi", modem.get("protocol"));
        }
        assertEquals(Map.of("device", "/dev/pts/8"), modems.get(1).get("match"));
    }

    @Test
    void withoutSettingsTheDefaults() {
        assertEquals("{\"modems\":[{\"name\":\"modem1\",\"match\":{\"device\":\"/dev/pts/7\"},\"protocol\":\"qmi\"}]}",
                AgentProcess.config(List.of(Path.of("/dev/pts/7"))));
    }

    @Test
    void theTrainingRunsSettingsAreAConfigTheAgentTakes() throws Exception {
        // The archive's training run probes every 30 s, so the probe's path is in the archive (AgentProcess).
        AgentConfig config = ConfigParser.parse(AgentProcess.config(List.of(Path.of("/dev/pts/7")),
                AgentProcess.TRAINING_SETTINGS));
        ProbeConfig probe = config.modems().get(0).probe();
        assertEquals(30, probe.intervalSeconds());
        assertEquals(ProbeConfig.DEFAULT.method(), probe.method());
    }
}
