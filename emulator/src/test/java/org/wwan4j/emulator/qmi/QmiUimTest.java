package org.wwan4j.emulator.qmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.wwan4j.emulator.EmulatedModemExtension;
import org.wwan4j.emulator.EmulatedProtocol;
import org.wwan4j.emulator.fault.Fault;
import org.wwan4j.emulator.model.SimSlot;

/** UIM (and the DMS UIM getters) as qmicli 1.32 sees them. */
@Timeout(60)
@Tag("slow")
class QmiUimTest {

    @RegisterExtension
    final EmulatedModemExtension emulator = EmulatedModemExtension.of(EmulatedProtocol.QMI);
    private final Qmicli qmicli = Qmicli.on(emulator::path);

    private SimSlot slot(int number) {
        return emulator.state().simSlots().stream().filter(s -> s.number() == number).findFirst().orElseThrow();
    }

    @Test
    void slotStatusTellsAnInactiveSlotWithACardFromAnEmptySlotAndShowsTheEid() {
        String status = qmicli.ok("--uim-get-slot-status").stdout();
        assertTrue(status.contains("4 physical slots found"), status);
        String[] slots = status.split("Physical slot ");
        assertTrue(slots[1].contains("Card status: present") && slots[1].contains("Slot status: active")
                && slots[1].contains("ICCID: " + slot(1).iccid()), status);
        assertTrue(slots[2].contains("Card status: present") && slots[2].contains("Slot status: inactive")
                && slots[2].contains("ICCID: " + slot(2).iccid()), status);
        assertTrue(slots[3].contains("Card status: absent") && slots[3].contains("Slot status: inactive"), status);
        assertTrue(slots[4].contains("Is eUICC: yes") && slots[4].contains("EID: " + slot(4).eid()), status);
    }

    @Test
    void cardStatusShowsAReadyUsimAndAbsentAfterSimRemoval() {
        String card = qmicli.ok("--uim-get-card-status").stdout();
        assertTrue(card.contains("Card state: 'present'"), card);
        assertTrue(card.contains("Application state: 'ready'"), card);
        emulator.modem().inject(Fault.SIM_REMOVAL);
        String removed = qmicli.ok("--uim-get-card-status").stdout();
        assertTrue(removed.contains("Card state: 'absent'"), removed);
        Qmicli.Result iccid = qmicli.run("--dms-uim-get-iccid");
        assertFalse(iccid.ok(), iccid::toString);
        emulator.modem().clear(Fault.SIM_REMOVAL);
        assertTrue(qmicli.ok("--uim-get-card-status").stdout().contains("Card state: 'present'"));
    }

    @Test
    void iccidAndImsiAreReadFromTheCardFilesInSwappedBcd() {
        String iccid = qmicli.ok("--uim-read-transparent=0x3F00,0x2FE2").stdout();
        assertTrue(iccid.contains("SW1: '0x90'"), iccid);
        assertTrue(iccid.contains(colonHex(SimFiles.swappedBcd(slot(1).iccid()))), iccid);
        assertTrue(iccid.contains("98:94:70:00:00:21:43:65:87:09"), iccid);
        String imsi = qmicli.ok("--uim-read-transparent=0x3F00,0x7FFF,0x6F07").stdout();
        assertTrue(imsi.contains("08:29:26:70:21:43:65:87:09"), imsi);
        Qmicli.Result missing = qmicli.run("--uim-read-transparent=0x3F00,0x6F99");
        assertFalse(missing.ok(), missing::toString);

        assertTrue(qmicli.ok("--dms-uim-get-iccid").stdout().contains("ICCID: '" + slot(1).iccid() + "'"));
        assertTrue(qmicli.ok("--dms-uim-get-imsi").stdout().contains("IMSI: '" + slot(1).imsi() + "'"));
    }

    private static String colonHex(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append(out.isEmpty() ? "" : ":").append(String.format("%02X", b));
        }
        return out.toString();
    }

    @Test
    void switchingSlotsActivatesTheOtherCard() {
        qmicli.ok("--uim-switch-slot=2");
        assertEquals(List.of(false, true), List.of(slot(1).active(), slot(2).active()));
        assertEquals(slot(2).imsi(), emulator.state().activeCard().orElseThrow().imsi());
        assertTrue(qmicli.ok("--dms-uim-get-imsi").stdout().contains("IMSI: '" + slot(2).imsi() + "'"));
        Qmicli.Result again = qmicli.run("--uim-switch-slot=2");
        assertFalse(again.ok(), "switching to the active slot has no effect: " + again);
    }

    @Test
    void slotChangesAreIndicatedToAMonitoringClient() throws Exception {
        // One client per port, as on a real cdc-wdm port without qmi-proxy: the change comes from the state API.
        CompletableFuture<Qmicli.Result> monitor = CompletableFuture.supplyAsync(
                () -> Qmicli.runFor(3, emulator.path(), "--uim-monitor-slot-status"));
        while (emulator.modem().statistics().requestsSeen("UIM", UimService.REGISTER_EVENTS) == 0) {
            Thread.sleep(20);
        }
        emulator.state().switchSlot(2);
        Qmicli.Result monitored = monitor.get();
        assertTrue(monitored.stdout().contains("Received slot status indication"), monitored::toString);
        String afterIndication = monitored.stdout().substring(monitored.stdout().indexOf("Received slot status"));
        assertTrue(afterIndication.contains("Physical slot 2:\n     Card status: present\n     Slot status: active"),
                monitored::toString);
    }
}
