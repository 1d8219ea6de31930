package org.wwan4j.agent.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How the agent unlocks one modem: its radio (FCC lock) and its SIM (PIN).
 *
 * @param fccUnlock  auto (the vendor table's method), off, or one method
 * @param simPinFile a file holding the SIM's PIN, or null when the SIM is not to be unlocked; read at each unlock
 *                   and never logged, like a bearer's password file
 */
public record UnlockConfig(FccUnlock fccUnlock, Path simPinFile) {

    public static final UnlockConfig DEFAULT = new UnlockConfig(FccUnlock.AUTO, null);

    public UnlockConfig {
        Objects.requireNonNull(fccUnlock, "fccUnlock");
    }
}
