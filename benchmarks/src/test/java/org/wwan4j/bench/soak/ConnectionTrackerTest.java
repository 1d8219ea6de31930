package org.wwan4j.bench.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reconnects counted over status snapshots, and the bearer read from the status file's text. */
class ConnectionTrackerTest {

    private static final ConnectionSnapshot DOWN = new ConnectionSnapshot(false, null);

    private static ConnectionSnapshot up(String at) {
        return new ConnectionSnapshot(true, at);
    }

    private static ConnectionTracker observed(ConnectionSnapshot... snapshots) {
        ConnectionTracker tracker = new ConnectionTracker();
        for (ConnectionSnapshot snapshot : snapshots) {
            tracker.observe(snapshot);
        }
        return tracker;
    }

    @Test
    void aQuietRunHasNoReconnects() {
        ConnectionTracker tracker = observed(DOWN, DOWN, up("t1"), up("t1"), up("t1"));
        assertEquals(0, tracker.reconnects());
        assertEquals(0, tracker.snapshotsNotConnected(), "the wait for the first connection is not counted");
        assertTrue(tracker.everConnected());
    }

    @Test
    void leavingAndReenteringConnectedIsAReconnect() {
        ConnectionTracker tracker = observed(up("t1"), DOWN, DOWN, up("t2"), up("t2"), DOWN, up("t3"));
        assertEquals(2, tracker.reconnects());
        assertEquals(3, tracker.snapshotsNotConnected());
    }

    @Test
    void aReconnectQuickerThanTheSamplingShowsAsANewStamp() {
        assertEquals(1, observed(up("t1"), up("t2"), up("t2")).reconnects());
    }

    @Test
    void neverConnected() {
        ConnectionTracker tracker = observed(DOWN, DOWN);
        assertFalse(tracker.everConnected());
        assertEquals(0, tracker.reconnects());
    }

    private static String status(String bearer) {
        return """
                {"updated": "2026-12-06T07:00:00Z", "radioSilence": false, "modems": [
                  {"name": "modem1", "health": {"state": "ok", "lastError": null, "recoveries": 0},
                   "power": "online", "bearer": %s}]}
                """.formatted(bearer);
    }

    @Test
    void readsTheFirstModemsBearer() {
        assertEquals(Optional.of(up("2026-12-06T06:59:58Z")), ConnectionSnapshot.fromStatus(status(
                "{\"connected\": true, \"apn\": \"internet\", \"connectedAt\": \"2026-12-06T06:59:58Z\"}")));
        assertEquals(Optional.of(DOWN), ConnectionSnapshot.fromStatus(status(
                "{\"connected\": false, \"apn\": null, \"connectedAt\": null}")));
        assertEquals(Optional.of(DOWN), ConnectionSnapshot.fromStatus(status("null")));
    }

    @Test
    void aPartialOrEmptyStatusSaysNothing() {
        assertEquals(Optional.empty(), ConnectionSnapshot.fromStatus("{\"modems\": [{\"name\""));
        assertEquals(Optional.empty(), ConnectionSnapshot.fromStatus("{\"modems\": []}"));
    }
}
