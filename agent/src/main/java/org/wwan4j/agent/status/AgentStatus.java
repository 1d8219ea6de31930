package org.wwan4j.agent.status;

import java.time.Instant;
import java.util.List;

/**
 * The whole status file.
 *
 * @param updated               when this status was made
 * @param radioSilence          the radio-silence setting in force
 * @param radioSilenceTimestamp time of the radio-silence request (on or off) that every modem has carried out;
 *                              a controller sees its request done when this is at least the request's time
 *                              (the reference agent's RSConfigTimestamp echo); null until then
 * @param configError           why the config file was rejected (the last good one stays in force), else null
 * @param modems                configured modems in config order, then unmanaged ones
 */
public record AgentStatus(Instant updated, boolean radioSilence, Instant radioSilenceTimestamp, String configError,
        List<ModemStatus> modems) {

    public AgentStatus {
        modems = List.copyOf(modems);
    }

    public AgentStatus(Instant updated, boolean radioSilence, List<ModemStatus> modems) {
        this(updated, radioSilence, null, null, modems);
    }
}
