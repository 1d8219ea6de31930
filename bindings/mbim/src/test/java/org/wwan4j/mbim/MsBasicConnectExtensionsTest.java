package org.wwan4j.mbim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wwan4j.mbim.EmulatedMbim.await;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.wwan4j.emulator.model.SimSlot;
import org.wwan4j.emulator.model.EmulatedSimType;

/** Multi-SIM: sys caps, slot info per slot, and the slot mapping, against the emulator's four slots. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MsBasicConnectExtensionsTest {

    private EmulatedMbim mbim;
    private MsBasicConnectExtensions extensions;

    @BeforeAll
    void open() {
        mbim = EmulatedMbim.start();
        extensions = mbim.extensions;
    }

    @AfterAll
    void close() {
        mbim.close();
    }

    @BeforeEach
    void freshModem() {
        mbim.modem.state().reset();
    }

    @Test
    void sysCapsCountTheSlots() {
        MsBasicConnectExtensions.SysCapsResponse caps = await(extensions.querySysCaps());
        assertEquals(mbim.modem.state().simSlots().size(), caps.numberOfSlots());
        assertTrue(caps.numberOfExecutors() >= 1);
    }

    @Test
    void slotInfoPerSlot() {
        List<SimSlot> slots = mbim.modem.state().simSlots();
        for (SimSlot slot : slots) {
            MsBasicConnectExtensions.SlotInfoStatusResponse info = await(extensions.querySlotInfoStatus(slot.number() - 1));
            assertEquals(slot.number() - 1, info.slotIndex());
            assertEquals(expected(slot), info.state().constant(), "slot " + slot.number());
        }
        // The defaults cover present, inactive-with-card, empty and eSIM.
        assertEquals(UiccSlotState.STATE_ACTIVE, await(extensions.querySlotInfoStatus(0)).state().constant());
        assertEquals(UiccSlotState.STATE_OFF, await(extensions.querySlotInfoStatus(1)).state().constant());
        assertEquals(UiccSlotState.SATE_OFF_EMPTY, await(extensions.querySlotInfoStatus(2)).state().constant());
    }

    @Test
    void slotInfoOfAMissingSlotIsAStatusError() {
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> extensions.querySlotInfoStatus(17).get(30, TimeUnit.SECONDS));
        MbimStatusException status = assertInstanceOf(MbimStatusException.class, failure.getCause());
        assertEquals(StatusError.INVALID_PARAMETERS, status.error().constant());
    }

    @Test
    void deviceSlotMappingsQueryAndSwitchToTheEsim() {
        MsBasicConnectExtensions.DeviceSlotMappingsResponse mapping = await(extensions.queryDeviceSlotMappings());
        assertEquals(List.of(new Slot(0)), mapping.slotMap());

        MsBasicConnectExtensions.DeviceSlotMappingsResponse switched =
                await(extensions.setDeviceSlotMappings(List.of(new Slot(3))));
        assertEquals(List.of(new Slot(3)), switched.slotMap());
        SimSlot active = mbim.modem.state().activeSlot().orElseThrow();
        assertEquals(4, active.number());
        assertEquals(EmulatedSimType.ESIM, active.type());
        assertEquals(UiccSlotState.STATE_ACTIVE_ESIM, await(extensions.querySlotInfoStatus(3)).state().constant());
        assertEquals(active.iccid(), await(mbim.basic.querySubscriberReadyStatus()).simIccId());
    }

    @Test
    void slotInfoNotificationFollowsSimRemoval() {
        Inbox<MsBasicConnectExtensions.SlotInfoStatusResponse> inbox = new Inbox<>();
        try (MbimSubscription subscription = extensions.onSlotInfoStatus(inbox)) {
            mbim.modem.state().setActiveCardPresent(false);
            inbox.awaitMatching(s -> s.slotIndex() == 0 && s.state().is(UiccSlotState.STATE_EMPTY));
        }
    }

    private static UiccSlotState expected(SimSlot slot) {
        if (!slot.active()) {
            return slot.cardPresent() ? UiccSlotState.STATE_OFF : UiccSlotState.SATE_OFF_EMPTY;
        }
        if (!slot.cardPresent()) {
            return UiccSlotState.STATE_EMPTY;
        }
        return slot.type() == EmulatedSimType.ESIM ? UiccSlotState.STATE_ACTIVE_ESIM : UiccSlotState.STATE_ACTIVE;
    }
}
