package org.wwan4j.agent.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The agent's watchdog touch file: refreshed every interval while no modem is stuck, left alone once one is, so
 * an external watchdog (the Linux watchdog daemon's {@code file}/{@code change} test, EVE's watchdog) acts on it.
 *
 * @param file            the file to touch (created when missing; its directory must exist)
 * @param intervalSeconds time between touches; the external watchdog's limit should be several intervals
 */
public record WatchdogConfig(Path file, int intervalSeconds) {

    public static final int DEFAULT_INTERVAL_SECONDS = 10;

    public WatchdogConfig {
        Objects.requireNonNull(file, "file");
    }
}
