package org.wwan4j.agent.supervisor;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.wwan4j.agent.policy.ConfigChange;
import org.wwan4j.agent.policy.RadioPolicy;

/**
 * What a supervisor does when what is wanted changes (a new config, radio silence, the GNSS grant): a pure function
 * of the previous and next {@link Desired} and of what the supervisor observes, so every reaction can be pinned
 * down without a scheduler or a modem. The supervisor carries the actions out in the order given.
 *
 * <p>The rule is the smallest action that converges ({@link ConfigChange}): radio silence and an unmanaged modem
 * take the radio down; the radio allowed again starts over from ready; a changed access point, SIM slot,
 * preferences, roaming rule or interface reconnects; a changed MTU or route metric only re-applies the IP settings;
 * probe, scan and location changes only re-plan their own timers. While the port is closed nothing is sent: the
 * next open starts from the new wishes anyway.
 */
final class DesiredReaction {

    /** What the supervisor observes when the new wishes arrive. */
    record Observed(SupervisorState state, boolean modemOpen) {
    }

    /** One thing to do, in order. */
    sealed interface Action permits TurnRadioOff, TurnRadioOn, ConfirmRadioOn, Reconnect, ReapplyIp, ReplanProbe,
            StartScan, StopScan, UpdateLocation {
    }

    /** Go to radio-off: disconnect, drop the IP settings, low power, then echo the request time. */
    record TurnRadioOff(String why) implements Action {
    }

    /** Echo the request time and start over from ready, powering the radio on. */
    record TurnRadioOn() implements Action {
    }

    /** The radio stays on but the request is new: echo its time (the echo says "request seen"). */
    record ConfirmRadioOn() implements Action {
    }

    /** Take the bearer down and go through ready, registering and connecting again. */
    record Reconnect(String why) implements Action {
    }

    /** Put the bearer's IP settings on the interface again with the new MTU and route metric. */
    record ReapplyIp() implements Action {
    }

    /** Plan the next connectivity probe with the new probe settings. */
    record ReplanProbe() implements Action {
    }

    /** The provider scan was switched on: scan at once (when connected). */
    record StartScan() implements Action {
    }

    /** The provider scan was switched off: stop planning it and drop the list. */
    record StopScan() implements Action {
    }

    /** Start or stop GNSS so that it runs exactly when wanted. */
    record UpdateLocation() implements Action {
    }

    private DesiredReaction() {
    }

    static List<Action> react(Desired previous, Desired next, Observed observed) {
        if (!observed.modemOpen()) {
            // Absent, opening, or waiting to reopen: the next open starts from the new wishes.
            return List.of(new UpdateLocation());
        }
        boolean wanted = RadioPolicy.radioWanted(next.managed(), next.radioSilence());
        boolean wasWanted = RadioPolicy.radioWanted(previous.managed(), previous.radioSilence());
        boolean newRadioRequest = !Objects.equals(previous.radioRequestedAt(), next.radioRequestedAt());
        if (!wanted) {
            // Already off: only a new request is carried out again, so that it is echoed.
            if (observed.state() != SupervisorState.RADIO_OFF || newRadioRequest) {
                return List.of(new TurnRadioOff(next.managed() ? "radio silence requested" : "unmanaged modem"));
            }
            return List.of();
        }
        if (!wasWanted || observed.state() == SupervisorState.RADIO_OFF) {
            return List.of(new TurnRadioOn());
        }
        List<Action> actions = new ArrayList<>();
        if (newRadioRequest) {
            actions.add(new ConfirmRadioOn());
        }
        switch (ConfigChange.between(previous.config(), next.config())) {
            case RECONNECT -> actions.add(new Reconnect("config changed"));
            case REAPPLY_IP -> actions.add(new ReapplyIp());
            case RETRY_UNLOCK -> {
                if (observed.state() == SupervisorState.FAILED) {
                    actions.add(new Reconnect("unlock settings changed"));
                }
            }
            case NONE -> { }
        }
        if (!Objects.equals(previous.config().probe(), next.config().probe())) {
            actions.add(new ReplanProbe());
        }
        if (previous.scanProviders() != next.scanProviders()) {
            actions.add(next.scanProviders() ? new StartScan() : new StopScan());
        }
        actions.add(new UpdateLocation());
        return List.copyOf(actions);
    }
}
