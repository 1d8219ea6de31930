package org.wwan4j.agent.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentEventsTest {

    @Test
    void keepsOnlyTheNewestOldestFirst() {
        RecentEvents events = new RecentEvents(2);
        for (int i = 1; i <= 3; i++) {
            events.add(new StatusEvent(Instant.EPOCH.plusSeconds(i), "config", "change " + i));
        }
        assertEquals(List.of("change 2", "change 3"), events.snapshot().stream().map(StatusEvent::message).toList());
    }

    @Test
    void aRingNeedsRoom() {
        assertThrows(IllegalArgumentException.class, () -> new RecentEvents(0));
    }
}
