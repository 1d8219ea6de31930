package org.wwan4j.agent.status;

import org.wwan4j.agent.config.JsonName;

/** What the active SIM needs before it can be used. */
public enum SimLockState implements JsonName {
    /** No PIN needed (disabled, or already entered). */
    UNLOCKED("unlocked"),
    /** PIN1 must be entered. */
    PIN_REQUIRED("pin-required"),
    /** Too many wrong PINs: only the PUK unblocks it. The agent never enters a PUK. */
    PUK_REQUIRED("puk-required"),
    /** The PUK was also used up: the card is dead. */
    BLOCKED("blocked"),
    UNKNOWN("unknown");

    private final String jsonName;

    SimLockState(String jsonName) {
        this.jsonName = jsonName;
    }

    @Override
    public String jsonName() {
        return jsonName;
    }
}
