package org.wwan4j.agent.status;

import java.time.Instant;
import java.util.Objects;

/**
 * Something the agent saw or did, kept in a modem's recent-event list.
 *
 * @param kind e.g. kernel, recovery, config, connect
 */
public record StatusEvent(Instant at, String kind, String message) {

    public StatusEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }
}
