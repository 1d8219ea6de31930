package org.wwan4j.agent.supervisor;

import org.wwan4j.agent.status.RecoveryStep;

/**
 * Which recovery step comes next for a modem in trouble, and when the trouble is over. Pure bookkeeping, no timers
 * and no modem: the supervisor runs the steps and tells the ladder what happened.
 *
 * <p>An episode starts with the first trouble and walks reopen, reset, rebind (only when available), stuck; after
 * stuck (and the supervisor's backoff) it starts again at reopen, one round further. It ends when the modem shows
 * the trouble is gone: any steady state when the control plane was the problem, data actually flowing when the
 * data plane was. Reaching a steady state alone does not end a data-plane episode, or a stall that a reopen does
 * not cure would be reopened for ever instead of escalating.
 *
 * <p>Not thread-safe: owned by one supervisor thread.
 */
final class RecoveryLadder {

    /** What went wrong; decides what proves it fixed. */
    enum Trouble {
        /** Requests unanswered, a driver error: the modem must answer again. */
        CONTROL_PLANE,
        /** Connected but nothing flows (stall, transmit queue timeout): data must flow again. */
        DATA_PLANE
    }

    /** What the supervisor saw that may end an episode. */
    enum Evidence {
        /** The modem reached a steady state (connected, radio off as wanted, or waiting for a SIM). */
        ANSWERS,
        /** Packet counters advanced or the connectivity probe succeeded. */
        DATA_FLOWS
    }

    private Trouble trouble;
    private RecoveryStep step;
    private int round;
    private boolean exhausted;

    /** Whether an episode is under way. */
    boolean active() {
        return trouble != null;
    }

    /** The step running or last taken in this episode; null when none is under way. */
    RecoveryStep step() {
        return step;
    }

    /** 1 for the first pass through the ladder, 2 after the first stuck, ...; 0 when idle. */
    int round() {
        return round;
    }

    /** Whether this episode has reached stuck at least once: the modem counts as stuck until it recovers. */
    boolean exhausted() {
        return exhausted;
    }

    Trouble trouble() {
        return trouble;
    }

    /**
     * A trouble, or the failure of the current step: the step to take now.
     *
     * @param cause           what went wrong now; a data-plane trouble makes the whole episode one
     * @param rebindAvailable whether the driver may be rebound (configured, and the modem's sysfs device known)
     */
    RecoveryStep escalate(Trouble cause, boolean rebindAvailable) {
        if (trouble == null) {
            trouble = cause;
            round = 1;
            step = RecoveryStep.REOPEN;
            return step;
        }
        if (cause == Trouble.DATA_PLANE) {
            trouble = Trouble.DATA_PLANE;
        }
        step = switch (step) {
            case REOPEN -> RecoveryStep.RESET;
            case RESET -> rebindAvailable ? RecoveryStep.REBIND : RecoveryStep.STUCK;
            case REBIND -> RecoveryStep.STUCK;
            case STUCK -> {
                round++;
                yield RecoveryStep.REOPEN;
            }
        };
        if (step == RecoveryStep.STUCK) {
            exhausted = true;
        }
        return step;
    }

    /** Returns true when the evidence ends the episode (the ladder is then idle again). */
    boolean recovered(Evidence evidence) {
        if (trouble == null || (trouble == Trouble.DATA_PLANE && evidence != Evidence.DATA_FLOWS)) {
            return false;
        }
        trouble = null;
        step = null;
        round = 0;
        exhausted = false;
        return true;
    }
}
