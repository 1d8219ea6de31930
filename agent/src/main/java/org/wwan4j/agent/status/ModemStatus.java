package org.wwan4j.agent.status;

import java.util.List;

/**
 * One modem in the agent's status file.
 *
 * @param name        the config entry's name; null for an unmanaged modem
 * @param configError why the config cannot be applied (e.g. "modem not found"), or null
 * @param probeError  why the last connectivity probe failed, or null
 * @param events      the most recent events, oldest first
 * @param unlock      the modem's FCC and SIM locks, or null when nothing is known about them
 */
public record ModemStatus(String name, Health health, String configError, String probeError, List<StatusEvent> events,
        ModemInfo info, UnlockStatus unlock) {

    public ModemStatus {
        events = events == null ? List.of() : List.copyOf(events);
        unlock = unlock == null || unlock.isEmpty() ? null : unlock;
    }

    public ModemStatus(String name, Health health, String configError, String probeError, List<StatusEvent> events,
            ModemInfo info) {
        this(name, health, configError, probeError, events, info, null);
    }
}
