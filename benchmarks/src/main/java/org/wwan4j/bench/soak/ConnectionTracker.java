package org.wwan4j.bench.soak;

import java.util.Objects;

/**
 * Counts, from the status snapshots of a soak (one a second), how often the modem's bearer went down and came up
 * again, so a reader can tell a quiet hour from one with reconnects. A reconnect is a connection after the first:
 * one seen after a snapshot without a bearer, or one with another {@code connectedAt} than the last (a reconnect
 * quicker than the sampling leaves no snapshot without a bearer, but a new stamp).
 */
final class ConnectionTracker {

    private boolean everConnected;
    private boolean lastConnected;
    private String lastConnectedAt;
    private int reconnects;
    private int snapshotsNotConnected;

    void observe(ConnectionSnapshot snapshot) {
        if (!snapshot.connected()) {
            if (everConnected) {
                snapshotsNotConnected++;
            }
            lastConnected = false;
            return;
        }
        boolean newConnection = !lastConnected || !Objects.equals(snapshot.connectedAt(), lastConnectedAt);
        if (newConnection && everConnected) {
            reconnects++;
        }
        everConnected = true;
        lastConnected = true;
        lastConnectedAt = snapshot.connectedAt();
    }

    /** Connections after the first. */
    int reconnects() {
        return reconnects;
    }

    /** Snapshots without a bearer after the first connection (one a second: about the seconds spent down). */
    int snapshotsNotConnected() {
        return snapshotsNotConnected;
    }

    boolean everConnected() {
        return everConnected;
    }
}
