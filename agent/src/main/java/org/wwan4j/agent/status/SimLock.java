package org.wwan4j.agent.status;

import java.util.Objects;

/**
 * The active SIM's PIN lock as the modem reports it.
 *
 * @param state      what the card needs
 * @param pinRetries PIN attempts left, or null when the modem does not say
 * @param pukRetries PUK attempts left, or null when the modem does not say
 */
public record SimLock(SimLockState state, Integer pinRetries, Integer pukRetries) {

    public static final SimLock UNKNOWN = new SimLock(SimLockState.UNKNOWN, null, null);

    public SimLock {
        Objects.requireNonNull(state, "state");
    }
}
