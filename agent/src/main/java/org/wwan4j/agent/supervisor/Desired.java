package org.wwan4j.agent.supervisor;

import java.time.Instant;
import org.wwan4j.agent.config.ModemConfig;

/**
 * What the agent wants from one modem now: everything a supervisor converges to.
 *
 * @param config                  the modem's entry, or null for an unmanaged modem (kept radio-off)
 * @param radioSilence            every radio off
 * @param radioRequestedAt        when the current radio-silence setting was requested; echoed once in force
 * @param scanProviders           run the hourly provider scan
 * @param locationGranted         this modem holds the agent's single GNSS token
 */
public record Desired(ModemConfig config, boolean radioSilence, Instant radioRequestedAt, boolean scanProviders,
        boolean locationGranted) {

    public boolean managed() {
        return config != null;
    }

    public Desired withLocationGranted(boolean granted) {
        return new Desired(config, radioSilence, radioRequestedAt, scanProviders, granted);
    }
}
