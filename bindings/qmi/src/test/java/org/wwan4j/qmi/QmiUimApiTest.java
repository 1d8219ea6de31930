package org.wwan4j.qmi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wwan4j.emulator.model.SimSlot;

/** UIM card status, slot status and switching, transparent reads. */
@Timeout(120)
class QmiUimApiTest extends EmulatorFixture {

    /** ICCIDs are stored as BCD with the two digits of each byte swapped. */
    static String swappedBcd(byte[] bytes) {
        StringBuilder digits = new StringBuilder();
        for (byte b : bytes) {
            digits.append(Character.forDigit(b & 0x0f, 16));
            if ((b >> 4 & 0x0f) != 0x0f) {
                digits.append(Character.forDigit(b >> 4 & 0x0f, 16));
            }
        }
        return digits.toString();
    }

    @Test
    void cardStatusShowsThePresentCard() {
        ClientUim uim = Await.result(device.uim());
        ClientUim.GetCardStatusOutput.CardStatusTlv status = Await.result(uim.getCardStatus()).cardStatus();
        assertTrue(!status.cardsPtr().isEmpty());
        ClientUim.GetCardStatusCardStatusCardsElement card = status.cardsPtr().get(0);
        assertEquals(UimCardState.PRESENT, card.cardState().constant());
        assertTrue(!card.applications().isEmpty());
    }

    @Test
    void slotStatusListsEverySlotWithItsIccid() {
        ClientUim uim = Await.result(device.uim());
        List<SimSlot> slots = modem.state().simSlots();
        List<PhysicalSlotStatusSlot> status = Await.result(uim.getSlotStatus()).physicalSlotStatus();
        assertEquals(slots.size(), status.size());
        for (int i = 0; i < slots.size(); i++) {
            SimSlot slot = slots.get(i);
            assertEquals(slot.active() ? UimSlotState.ACTIVE : UimSlotState.INACTIVE,
                    status.get(i).physicalSlotStatus().constant(), "slot " + slot.number());
            if (slot.cardPresent()) {
                assertEquals(slot.iccid(), swappedBcd(status.get(i).iccid()), "slot " + slot.number());
            }
        }
    }

    @Test
    void switchSlotActivatesTheOtherCard() {
        ClientUim uim = Await.result(device.uim());
        Await.result(uim.switchSlot(new ClientUim.SwitchSlotInput().logicalSlot(1).physicalSlot(2)));
        assertEquals(2, modem.state().activeSlot().orElseThrow().number());
        DmsIccidCheck.assertActiveIccid(this, modem.state().activeCard().orElseThrow().iccid());
    }

    @Test
    void readTransparentReturnsTheIccidFile() {
        ClientUim uim = Await.result(device.uim());
        ClientUim.ReadTransparentOutput out = Await.result(uim.readTransparent(new ClientUim.ReadTransparentInput()
                .session(UimSessionType.CARD_SLOT_1, new byte[0])
                .file(0x2FE2, new byte[] {0x00, 0x3F})
                .readInformation(0, 0)));
        String iccid = modem.state().activeCard().orElseThrow().iccid();
        assertEquals(iccid, swappedBcd(out.readResult()));
        assertArrayEquals(out.readResult(), out.readResult().clone());
    }

    /** After a slot switch, DMS reports the new card's ICCID too. */
    static final class DmsIccidCheck {
        static void assertActiveIccid(QmiUimApiTest test, String expected) {
            ClientDms dms = Await.result(test.device.dms());
            assertEquals(expected, Await.result(dms.uimGetIccid()).iccid());
        }
    }
}
