package org.wwan4j.agent.status;

import java.util.ArrayDeque;
import java.util.List;

/**
 * The last few events of a modem: a bounded, thread-safe ring. The status file shows them so that an operator
 * sees why a modem was recovered without digging through logs; older ones drop off.
 */
public final class RecentEvents {

    public static final int DEFAULT_CAPACITY = 16;

    private final int capacity;
    private final ArrayDeque<StatusEvent> events;

    public RecentEvents(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
        this.events = new ArrayDeque<>(capacity);
    }

    public synchronized void add(StatusEvent event) {
        if (events.size() == capacity) {
            events.removeFirst();
        }
        events.addLast(event);
    }

    /** Oldest first. */
    public synchronized List<StatusEvent> snapshot() {
        return List.copyOf(events);
    }
}
