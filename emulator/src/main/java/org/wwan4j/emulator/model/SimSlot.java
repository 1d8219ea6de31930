package org.wwan4j.emulator.model;

/**
 * One physical SIM slot. A slot can be active (the modem uses it) or not, and hold a card or not; an inactive slot
 * holding a card is not the same as an empty one. For an eSIM the EID is set.
 */
public record SimSlot(int number, boolean active, boolean cardPresent, EmulatedSimType type, String iccid, String imsi,
                      String eid) {

    public SimSlot withActive(boolean newActive) {
        return new SimSlot(number, newActive, cardPresent, type, iccid, imsi, eid);
    }

    public SimSlot withCardPresent(boolean present) {
        return new SimSlot(number, active, present, type, iccid, imsi, eid);
    }
}
