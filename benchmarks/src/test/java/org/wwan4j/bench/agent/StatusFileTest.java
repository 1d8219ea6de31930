package org.wwan4j.bench.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusFileTest {

    private static String status(String imei, String power) {
        return """
                {"updated": "2026-11-23T13:38:37Z", "radioSilence": false, "modems": [
                  {"name": "modem1", "health": {"state": "ok", "lastError": null, "recoveries": 0},
                   "device": "/dev/pts/1", "protocol": "qmi",
                   "identity": {"imei": %s, "manufacturer": "Quectel", "model": "EM06", "revision": "x"},
                   "power": %s, "sims": [], "registration": null, "signal": null}]}
                """.formatted(imei, power);
    }

    @Test
    void completeWhenEveryModemHasItsIdentityAndPower() {
        assertTrue(StatusFile.complete(status("\"860000000000001\"", "\"online\""), 1));
    }

    @Test
    void notCompleteWhileTheIdentityIsUnknown() {
        assertFalse(StatusFile.complete(status("null", "\"online\""), 1));
        assertFalse(StatusFile.complete(status("\"860000000000001\"", "\"unknown\""), 1));
    }

    @Test
    void notCompleteWithFewerModemsThanConfigured() {
        assertFalse(StatusFile.complete(status("\"860000000000001\"", "\"online\""), 8));
    }

    @Test
    void aHalfWrittenFileIsNotComplete() {
        assertFalse(StatusFile.complete("{\"modems\": [", 1));
    }

    @Test
    void theConfigNamesEachDeviceInTheContractsShape() throws Exception {
        Map<String, Object> config = JSON.std.mapFrom(
                AgentProcess.config(List.of(Path.of("/dev/pts/1"), Path.of("/dev/pts/2"))));

        List<?> modems = (List<?>) config.get("modems");
        assertEquals(2, modems.size());
        Map<?, ?> second = (Map<?, ?>) modems.get(1);
        assertEquals("modem2", second.get("name"));
        assertEquals("qmi", second.get("protocol"));
        assertEquals("/dev/pts/2", ((Map<?, ?>) second.get("match")).get("device"));
    }
}
