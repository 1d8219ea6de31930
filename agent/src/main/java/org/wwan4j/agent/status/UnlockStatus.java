package org.wwan4j.agent.status;

/**
 * What the agent knows and did about a modem's locks, for status. Absent parts are null: a modem whose radio came on
 * at the first try has no {@code fcc}; one whose SIM never asked for a PIN has no {@code sim}.
 *
 * @param hardwareId  the USB or PCI vendor:product id the vendor table was looked up with, or null
 * @param fcc         the last FCC unlock, or null when none was needed
 * @param sim         the active SIM's PIN lock when it was last looked at, or null
 * @param pinAttempt  how the last PIN the agent entered was answered ("accepted", "rejected"), or null
 */
public record UnlockStatus(String hardwareId, FccUnlock fcc, SimLock sim, String pinAttempt) {

    /**
     * One FCC unlock.
     *
     * @param state   how it ended
     * @param method  the method used (its config name), or null when none was sent
     * @param message what happened, for people
     */
    public record FccUnlock(FccUnlockState state, String method, String message) {
    }

    public boolean isEmpty() {
        return hardwareId == null && fcc == null && sim == null && pinAttempt == null;
    }
}
