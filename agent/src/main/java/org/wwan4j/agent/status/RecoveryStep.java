package org.wwan4j.agent.status;

import org.wwan4j.agent.config.JsonName;

/**
 * The steps of the stuck-modem recovery ladder, in the order they are tried: each one costs more (and disturbs
 * more) than the one before. Shown in status as {@code health.recoveryStep} while a recovery runs.
 */
public enum RecoveryStep implements JsonName {
    /** Close the control port (keeping client IDs / the MBIM session) and open it again. */
    REOPEN("reopen"),
    /** Restart the modem: QMI operating mode offline then reset; MBIM radio off then on. */
    RESET("reset"),
    /** Unbind and bind the modem's driver through sysfs (only when configured). */
    REBIND("rebind"),
    /** Every step failed: wait the backoff, then start again with {@link #REOPEN}. */
    STUCK("stuck");

    private final String jsonName;

    RecoveryStep(String jsonName) {
        this.jsonName = jsonName;
    }

    @Override
    public String jsonName() {
        return jsonName;
    }
}
