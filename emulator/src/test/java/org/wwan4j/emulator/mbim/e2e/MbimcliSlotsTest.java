package org.wwan4j.emulator.mbim.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.wwan4j.emulator.EmulatedModemExtension;
import org.wwan4j.emulator.EmulatedProtocol;
import org.wwan4j.emulator.model.SimSlot;

/**
 * MS Basic Connect Extensions through mbimcli: the four slots of the model (active card, inactive slot holding a
 * card, empty slot, eSIM) and switching between them. MBIM slot indexes are the model's slot numbers minus one.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MbimcliSlotsTest {
    private static final String EXECUTOR_SLOT = "Executor '0': slot '(\\d+)'";

    @RegisterExtension
    final EmulatedModemExtension emulator = EmulatedModemExtension.of(EmulatedProtocol.MBIM);
    private final Mbimcli mbimcli = Mbimcli.on(emulator::path);

    private String slotState(int index) throws Exception {
        return mbimcli.ok("--ms-query-slot-info-status=" + index).field("Slot '" + index + "'");
    }

    @Test
    void sysCapsCountTheModelsSlots() throws Exception {
        Mbimcli.Result caps = mbimcli.ok("--ms-query-sys-caps");
        assertEquals("1", caps.field("Number of executors"));
        assertEquals(String.valueOf(emulator.state().simSlots().size()), caps.field("Number of slots"));
        assertEquals("1", caps.field("Concurrency"));
        assertEquals(emulator.state().identity().imei(), caps.field("Modem ID"));
    }

    @Test
    void slotInfoTellsAnInactiveCardFromAnEmptySlot() throws Exception {
        assertEquals(4, emulator.state().simSlots().size());
        assertEquals("state-active", slotState(0));
        assertEquals("state-off", slotState(1), "inactive slot holding a card");
        // libmbim 1.28 spells MBIM_UICC_SLOT_STATE_OFF_EMPTY's nick "sate-off-empty"; the value is what counts.
        assertEquals("sate-off-empty", slotState(2), "inactive empty slot");
        assertEquals("state-off", slotState(3), "inactive eSIM");
        Mbimcli.Result missing = mbimcli.run("--ms-query-slot-info-status=9");
        assertTrue(missing.stderr().contains("InvalidParameters"), missing.all());
    }

    @Test
    void slotMappingsShowAndSwitchTheActiveSlot() throws Exception {
        assertEquals("0", mbimcli.ok("--ms-query-device-slot-mappings").group(EXECUTOR_SLOT));

        Mbimcli.Result switched = mbimcli.ok("--ms-set-device-slot-mappings=1");
        assertEquals("1", switched.group(EXECUTOR_SLOT));
        SimSlot active = emulator.state().activeSlot().orElseThrow();
        assertEquals(2, active.number());
        assertEquals("state-active", slotState(1));
        assertEquals("state-off", slotState(0));
        assertEquals(active.iccid(), mbimcli.ok("--query-subscriber-ready-status").field("SIM ICCID"));

        mbimcli.ok("--ms-set-device-slot-mappings=3");
        assertEquals("state-active-esim", slotState(3));

        mbimcli.ok("--ms-set-device-slot-mappings=2");
        assertEquals("state-empty", slotState(2));
        assertEquals("sim-not-inserted", mbimcli.ok("--query-subscriber-ready-status").field("Ready state"));
        assertFalse(mbimcli.run("--ms-set-device-slot-mappings=7").exitCode() == 0);
    }
}
