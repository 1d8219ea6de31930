package org.wwan4j.agent.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wwan4j.agent.status.AgentStatus;
import org.wwan4j.agent.testing.ManualScheduler;

class StatusFileWriterTest {

    /** Far longer than any stall of a loaded machine between two calls: the coalescing never depends on speed. */
    private static final Duration INTERVAL = Duration.ofHours(1);
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    private final ManualScheduler scheduler = new ManualScheduler(T0);

    @Test
    void theFirstSnapshotIsWrittenAtOnceAndLaterOnesCoalesceOnTheGivenScheduler() throws Exception {
        Path file = dir.resolve("status.json");
        StatusFileWriter writer = new StatusFileWriter(file, scheduler, INTERVAL);

        writer.statusChanged(status(1));
        assertTrue(updatedAt(file, 1));
        assertNull(scheduler.nextDelay(), "nothing to write later");

        writer.statusChanged(status(2));
        writer.statusChanged(status(3));
        assertTrue(updatedAt(file, 1), "within the interval, nothing is rewritten");
        assertNotNull(scheduler.nextDelay(), "the coalesced write waits on the agent's scheduler");

        scheduler.advance(INTERVAL);
        assertTrue(updatedAt(file, 3), "the latest snapshot is written when the interval is up");
        assertEquals(2, writer.writes());
    }

    @Test
    void closeWritesWhatIsPendingAndTheScheduledWriteThenDoesNothing() throws Exception {
        Path file = dir.resolve("status.json");
        StatusFileWriter writer = new StatusFileWriter(file, scheduler, INTERVAL);
        writer.statusChanged(status(1));
        writer.statusChanged(status(2));

        writer.close();
        assertTrue(updatedAt(file, 2));
        writer.statusChanged(status(3));
        scheduler.advance(INTERVAL);

        assertTrue(updatedAt(file, 2), "snapshots after close are ignored");
        assertEquals(2, writer.writes());
    }

    private static AgentStatus status(int second) {
        return new AgentStatus(T0.plusSeconds(second), false, List.of());
    }

    private static boolean updatedAt(Path file, int second) throws Exception {
        return Files.readString(file).contains("\"updated\" : \"" + T0.plusSeconds(second) + "\"");
    }
}
