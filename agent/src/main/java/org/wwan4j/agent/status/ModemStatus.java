package org.wwan4j.agent.status;

import java.util.List;

/**
 * One modem in the agent's status file.
 *
 * @param name        the config entry's name; null for an unmanaged modem
 * @param configError why the config cannot be applied (e.g. "modem not found"), or null
 * @param probeError  why the last connectivity probe failed, or null
 * @param events      the most recent events, oldest first
 */
public record ModemStatus(String name, Health health, String configError, String probeError, List<StatusEvent> events,
        ModemInfo info) {

    public ModemStatus {
        events = events == null ? List.of() : List.copyOf(events);
    }
}
