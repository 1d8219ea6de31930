package org.wwan4j.agent.status;

import java.time.Instant;
import java.util.List;

/** The whole status file. */
public record AgentStatus(Instant updated, boolean radioSilence, List<ModemStatus> modems) {

    public AgentStatus {
        modems = List.copyOf(modems);
    }
}
