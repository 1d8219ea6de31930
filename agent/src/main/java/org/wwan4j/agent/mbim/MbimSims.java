package org.wwan4j.agent.mbim;

import java.util.ArrayList;
import java.util.List;
import org.wwan4j.agent.status.Sim;
import org.wwan4j.agent.status.SimState;
import org.wwan4j.agent.status.SimType;
import org.wwan4j.glib.EnumValue;
import org.wwan4j.mbim.SubscriberReadyState;
import org.wwan4j.mbim.UiccSlotState;

/**
 * SIM slots from MS slot info status (per slot: in use or not, card or not, eSIM or not) and the subscriber ready
 * status, which describes only the card in the active slot (its ICCID, IMSI and whether it is locked).
 * MBIM slots are 0-based; the neutral model's are 1-based.
 */
final class MbimSims {

    /** What subscriber ready status says about the active card. */
    record Subscriber(EnumValue<SubscriberReadyState> readyState, String imsi, String iccid) {
    }

    private MbimSims() {
    }

    /**
     * @param slotStates one per slot, in slot order; an entry is null when that slot could not be read
     * @param active     0-based index of the slot the modem uses (from the slot mappings), or -1 if unknown
     */
    static List<Sim> of(List<EnumValue<UiccSlotState>> slotStates, int active, Subscriber subscriber) {
        List<Sim> sims = new ArrayList<>(slotStates.size());
        for (int index = 0; index < slotStates.size(); index++) {
            EnumValue<UiccSlotState> state = slotStates.get(index);
            boolean inUse = active >= 0 ? index == active : isActive(state);
            sims.add(inUse ? activeSlot(index + 1, state, subscriber) : inactiveSlot(index + 1, state));
        }
        return sims;
    }

    /** A modem without the MS extensions: one slot, described by subscriber ready status alone. */
    static List<Sim> singleSlot(Subscriber subscriber) {
        return List.of(activeSlot(1, null, subscriber));
    }

    private static boolean isActive(EnumValue<UiccSlotState> state) {
        return state != null && (state.is(UiccSlotState.STATE_ACTIVE) || state.is(UiccSlotState.STATE_ACTIVE_ESIM)
                || state.is(UiccSlotState.STATE_ACTIVE_ESIM_NO_PROFILES) || state.is(UiccSlotState.STATE_EMPTY)
                || state.is(UiccSlotState.STATE_NOT_READY));
    }

    private static Sim inactiveSlot(int slot, EnumValue<UiccSlotState> state) {
        UiccSlotState known = state == null ? null : state.constant();
        if (known == UiccSlotState.SATE_OFF_EMPTY || known == UiccSlotState.STATE_EMPTY) {
            // Only a physical slot can be empty; an eSIM is always "there".
            return new Sim(slot, false, SimState.ABSENT, null, null, SimType.PHYSICAL);
        }
        if (known == UiccSlotState.STATE_ERROR) {
            return new Sim(slot, false, SimState.ERROR, null, null, SimType.UNKNOWN);
        }
        // MBIM does not say whether a powered-off slot holds a physical card or an eSIM.
        return new Sim(slot, false, known == UiccSlotState.STATE_OFF ? SimState.INACTIVE : SimState.ABSENT, null,
                null, SimType.UNKNOWN);
    }

    private static Sim activeSlot(int slot, EnumValue<UiccSlotState> slotState, Subscriber subscriber) {
        UiccSlotState known = slotState == null ? null : slotState.constant();
        boolean esim = known == UiccSlotState.STATE_ACTIVE_ESIM || known == UiccSlotState.STATE_ACTIVE_ESIM_NO_PROFILES;
        SimType type = esim ? SimType.ESIM : known == UiccSlotState.STATE_ACTIVE ? SimType.PHYSICAL : SimType.UNKNOWN;
        if (known == UiccSlotState.STATE_ACTIVE_ESIM_NO_PROFILES) {
            return new Sim(slot, true, SimState.ABSENT, null, null, SimType.ESIM);
        }
        if (known == UiccSlotState.STATE_EMPTY) {
            return new Sim(slot, true, SimState.ABSENT, null, null, SimType.PHYSICAL);
        }
        if (known == UiccSlotState.STATE_ERROR) {
            return new Sim(slot, true, SimState.ERROR, null, null, type);
        }
        SubscriberReadyState ready = subscriber == null ? null : subscriber.readyState().constant();
        if (ready == null) {
            return new Sim(slot, true, SimState.ERROR, null, null, type);
        }
        return switch (ready) {
            case INITIALIZED, NOT_ACTIVATED -> new Sim(slot, true, SimState.PRESENT, blankToNull(subscriber.iccid()),
                    blankToNull(subscriber.imsi()), type);
            // Still initialising: the card is there, identifiers may not be readable yet.
            case NOT_INITIALIZED -> new Sim(slot, true, SimState.PRESENT, blankToNull(subscriber.iccid()), null, type);
            case DEVICE_LOCKED -> new Sim(slot, true, SimState.LOCKED, blankToNull(subscriber.iccid()), null, type);
            case SIM_NOT_INSERTED -> new Sim(slot, true, SimState.ABSENT, null, null,
                    type == SimType.UNKNOWN ? SimType.PHYSICAL : type);
            case NO_ESIM_PROFILE -> new Sim(slot, true, SimState.ABSENT, null, null, SimType.ESIM);
            case BAD_SIM, FAILURE -> new Sim(slot, true, SimState.ERROR, blankToNull(subscriber.iccid()), null, type);
        };
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
