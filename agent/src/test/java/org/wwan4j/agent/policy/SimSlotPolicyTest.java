package org.wwan4j.agent.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wwan4j.agent.status.Sim;
import org.wwan4j.agent.status.SimState;
import org.wwan4j.agent.status.SimType;

class SimSlotPolicyTest {

    private static Sim sim(int slot, boolean active, SimState state, SimType type) {
        return new Sim(slot, active, state, state == SimState.PRESENT ? "89" + slot : null, null, type);
    }

    @Test
    void slotZeroUsesTheActiveCard() {
        List<Sim> sims = List.of(sim(1, true, SimState.PRESENT, SimType.PHYSICAL),
                sim(2, false, SimState.INACTIVE, SimType.PHYSICAL));
        assertEquals(new SimChoice.Use(1), SimSlotPolicy.choose(0, sims));
    }

    @Test
    void slotZeroLeavesAnEsimWithoutProfileForAPhysicalCard() {
        List<Sim> sims = List.of(sim(1, true, SimState.ABSENT, SimType.ESIM),
                sim(2, false, SimState.INACTIVE, SimType.PHYSICAL));
        assertEquals(new SimChoice.Switch(2), SimSlotPolicy.choose(0, sims));
    }

    @Test
    void slotZeroWithOnlyAnEmptyEsimSaysSo() {
        List<Sim> sims = List.of(sim(1, true, SimState.ABSENT, SimType.ESIM),
                sim(2, false, SimState.ABSENT, SimType.PHYSICAL));
        assertEquals(new SimChoice.Blocked(SimSlotPolicy.ESIM_NO_PROFILE), SimSlotPolicy.choose(0, sims));
    }

    @Test
    void aConfiguredInactiveSlotIsSwitchedTo() {
        List<Sim> sims = List.of(sim(1, true, SimState.PRESENT, SimType.PHYSICAL),
                sim(2, false, SimState.INACTIVE, SimType.PHYSICAL));
        assertEquals(new SimChoice.Switch(2), SimSlotPolicy.choose(2, sims));
        assertEquals(new SimChoice.Use(1), SimSlotPolicy.choose(1, sims));
    }

    @Test
    void unusableCardsGiveTheReferenceWording() {
        assertEquals(new SimChoice.Blocked(SimSlotPolicy.SIM_ABSENT),
                SimSlotPolicy.choose(0, List.of(sim(1, true, SimState.ABSENT, SimType.PHYSICAL))));
        assertEquals(new SimChoice.Blocked(SimSlotPolicy.SIM_LOCKED),
                SimSlotPolicy.choose(0, List.of(sim(1, true, SimState.LOCKED, SimType.PHYSICAL))));
        assertEquals(new SimChoice.Blocked(SimSlotPolicy.SIM_FAILED),
                SimSlotPolicy.choose(1, List.of(sim(1, true, SimState.ERROR, SimType.PHYSICAL))));
    }

    @Test
    void aSlotTheModemLacksIsReported() {
        SimChoice choice = SimSlotPolicy.choose(3, List.of(sim(1, true, SimState.PRESENT, SimType.PHYSICAL)));
        assertEquals(new SimChoice.Blocked("SIM slot 3 does not exist (modem has 1)"), choice);
    }
}
