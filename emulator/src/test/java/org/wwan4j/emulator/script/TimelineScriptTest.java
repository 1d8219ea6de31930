package org.wwan4j.emulator.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wwan4j.emulator.EmulatedModem;
import org.wwan4j.emulator.EmulatedProtocol;
import org.wwan4j.emulator.fault.Fault;
import org.wwan4j.emulator.model.PowerState;
import org.wwan4j.emulator.model.EmulatedRegistrationState;
import org.wwan4j.emulator.model.EmulatedSignal;

/** The JSON timeline: parsed strictly, played in order against a running modem. */
@Timeout(30)
class TimelineScriptTest {

    private static final String SCRIPT = """
            {"steps": [
              {"at": 0, "signal": {"rssi": -80, "rsrq": -12, "rsrp": -105, "snr": 4.5}},
              {"at": 10, "registration": {"state": "roaming", "mcc": "208", "mnc": "01", "operator": "Emu Roam",
                                          "rats": ["lte"]}},
              {"at": 20, "fault": "data-stall"},
              {"at": 30, "power": "low-power"}
            ]}""";

    @Test
    @SuppressWarnings("try") // the player only has to stay open while the steps run
    void stepsChangeTheStateInOrder() throws Exception {
        TimelineScript script = TimelineScript.parse(SCRIPT);
        assertEquals(4, script.steps().size());
        try (EmulatedModem modem = EmulatedModem.start(EmulatedProtocol.QMI);
             AutoCloseable playing = script.play(modem)) {
            while (modem.state().power() != PowerState.LOW_POWER) {
                Thread.sleep(10);
            }
            assertEquals(new EmulatedSignal(-80, -12, -105, 4.5), modem.state().signal());
            assertTrue(modem.faults().isActive(Fault.DATA_STALL));
            modem.state().setPower(PowerState.ONLINE);
            assertEquals(EmulatedRegistrationState.ROAMING, modem.state().registration().state());
            assertEquals("01", modem.state().registration().mnc());
        }
    }

    @Test
    void typosAndMissingFieldsAreRejectedWithTheirNames() {
        IllegalArgumentException typo = assertThrows(IllegalArgumentException.class,
                () -> TimelineScript.parse("{\"steps\": [{\"at\": 0, \"sginal\": {}}]}"));
        assertTrue(typo.getMessage().contains("sginal"), typo::getMessage);
        assertThrows(IllegalArgumentException.class, () -> TimelineScript.parse("{\"stpes\": []}"));
        assertThrows(IllegalArgumentException.class,
                () -> TimelineScript.parse("{\"steps\": [{\"registration\": {\"state\": \"home\"}}]}"));
        assertThrows(IllegalArgumentException.class, () -> TimelineScript.parse("{\"steps\": [{\"fault\": \"gremlins\"}]}"));
    }
}
