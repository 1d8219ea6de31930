package org.wwan4j.bench.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.jr.ob.JSON;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
}
