package org.wwan4j.emulator.mbim.msbasicconnect;

/** MBIM counts UICC slots from 0; the neutral model numbers them from 1. */
final class SlotIndex {
    private SlotIndex() {
    }

    static int toMbim(int slotNumber) {
        return slotNumber - 1;
    }

    static int toModel(int mbimIndex) {
        return mbimIndex + 1;
    }
}
