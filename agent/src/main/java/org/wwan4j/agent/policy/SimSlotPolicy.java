package org.wwan4j.agent.policy;

import java.util.List;
import java.util.Optional;
import org.wwan4j.agent.status.Sim;
import org.wwan4j.agent.status.SimState;
import org.wwan4j.agent.status.SimType;

/**
 * Chooses the SIM slot to connect with. Slot 0 in the config means "the current one", except that an active eSIM
 * without a profile is useless, so a physical card in another slot is preferred then (the reference agent does the
 * same). A numbered slot is switched to when it is not active. The errors use the reference agent's wording,
 * because controllers match on it.
 */
public final class SimSlotPolicy {

    public static final String SIM_ABSENT = "SIM card is absent";
    public static final String SIM_FAILED = "SIM card is in failed state";
    public static final String SIM_LOCKED = "SIM card is PIN-locked";
    public static final String ESIM_NO_PROFILE = "eSIM has no profile";

    private SimSlotPolicy() {
    }

    /**
     * @param configuredSlot 0 = current, else 1-based
     * @param sims           every slot as the modem reports it
     */
    public static SimChoice choose(int configuredSlot, List<Sim> sims) {
        Optional<Sim> active = sims.stream().filter(Sim::active).findFirst();
        if (configuredSlot == 0) {
            if (active.isPresent() && isEmptyEsim(active.get())) {
                Optional<Sim> physical = sims.stream()
                        .filter(s -> !s.active() && s.type() != SimType.ESIM && hasCard(s)).findFirst();
                if (physical.isPresent()) {
                    return new SimChoice.Switch(physical.get().slot());
                }
            }
            return active.map(SimSlotPolicy::usable).orElseGet(() -> sims.size() == 1
                    ? usable(sims.getFirst()) : new SimChoice.Blocked(SIM_ABSENT));
        }
        Optional<Sim> wanted = sims.stream().filter(s -> s.slot() == configuredSlot).findFirst();
        if (wanted.isEmpty()) {
            return new SimChoice.Blocked("SIM slot " + configuredSlot + " does not exist (modem has "
                    + sims.size() + ")");
        }
        if (!wanted.get().active() && sims.size() > 1) {
            return new SimChoice.Switch(configuredSlot);
        }
        return usable(wanted.get());
    }

    private static SimChoice usable(Sim sim) {
        if (isEmptyEsim(sim)) {
            return new SimChoice.Blocked(ESIM_NO_PROFILE);
        }
        return switch (sim.state()) {
            case PRESENT -> new SimChoice.Use(sim.slot());
            case ABSENT, INACTIVE -> new SimChoice.Blocked(SIM_ABSENT);
            case LOCKED -> new SimChoice.Blocked(SIM_LOCKED);
            case ERROR -> new SimChoice.Blocked(SIM_FAILED);
        };
    }

    private static boolean isEmptyEsim(Sim sim) {
        return sim.type() == SimType.ESIM && sim.state() == SimState.ABSENT;
    }

    /** A card is there, active or not. */
    private static boolean hasCard(Sim sim) {
        return sim.state() == SimState.PRESENT || sim.state() == SimState.INACTIVE;
    }
}
