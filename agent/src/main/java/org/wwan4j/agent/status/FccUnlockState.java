package org.wwan4j.agent.status;

import org.wwan4j.agent.config.JsonName;

/** How the last FCC unlock of a modem ended. */
public enum FccUnlockState implements JsonName {
    /** The unlock was sent and the radio then came on. */
    UNLOCKED("unlocked"),
    /** The unlock was sent (or could not be), and the radio still refuses to come on. */
    FAILED("failed"),
    /** The radio is locked and the config says not to unlock it ({@code "fccUnlock": "off"}). */
    LOCKED("locked");

    private final String jsonName;

    FccUnlockState(String jsonName) {
        this.jsonName = jsonName;
    }

    @Override
    public String jsonName() {
        return jsonName;
    }
}
