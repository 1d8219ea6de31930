package org.wwan4j.bench.soak;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bearer of the soak's one modem as one status file showed it (DESIGN.md, the status file's {@code bearer}).
 *
 * @param connected   whether the bearer was up
 * @param connectedAt when that bearer came up (the agent stamps each connection), null when not connected
 */
record ConnectionSnapshot(boolean connected, String connectedAt) {

    /** The first modem's bearer in a status file's text; empty when the text is partial, invalid or lists no modem. */
    static Optional<ConnectionSnapshot> fromStatus(String json) {
        Map<String, Object> root;
        try {
            root = JSON.std.mapFrom(json);
        } catch (IOException partialOrInvalid) {
            return Optional.empty();
        }
        if (root == null || !(root.get("modems") instanceof List<?> modems) || modems.isEmpty()
                || !(modems.getFirst() instanceof Map<?, ?> modem)) {
            return Optional.empty();
        }
        if (!(modem.get("bearer") instanceof Map<?, ?> bearer)) {
            return Optional.of(new ConnectionSnapshot(false, null));
        }
        boolean connected = Boolean.TRUE.equals(bearer.get("connected"));
        Object at = bearer.get("connectedAt");
        return Optional.of(new ConnectionSnapshot(connected, connected && at != null ? at.toString() : null));
    }
}
