package org.wwan4j.glib;

import java.lang.foreign.MemorySegment;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Maps the {@code user_data} of a C callback to the Java handler it stands for.
 *
 * <p>Upcall stubs are made once per C signature ({@link Upcalls}); what distinguishes one callback from another is
 * only the {@code user_data} pointer, which carries an id from this registry. Ids are never reused, so a late
 * callback for a handler that was removed finds nothing instead of someone else's handler.
 */
final class CallbackRegistry {

    /** A registered handler and whether it is removed on its first call (async results) or kept (signals). */
    private record Entry(Object handler, boolean oneShot) {}

    private final ConcurrentHashMap<Long, Entry> entries = new ConcurrentHashMap<>();
    // Start well above 0 so that a NULL user_data can never name a handler.
    private final AtomicLong nextId = new AtomicLong(1 << 16);

    /** Registers a handler called once; returns the {@code user_data} to pass to C. */
    MemorySegment registerOnce(Object handler) {
        return register(new Entry(handler, true));
    }

    /** Registers a handler kept until {@link #remove}; returns the {@code user_data} to pass to C. */
    MemorySegment registerPersistent(Object handler) {
        return register(new Entry(handler, false));
    }

    private MemorySegment register(Entry entry) {
        long id = nextId.getAndIncrement();
        entries.put(id, entry);
        return MemorySegment.ofAddress(id);
    }

    /** The handler for a callback's {@code user_data}, removing it if it was registered once; null if unknown. */
    Object lookup(MemorySegment userData) {
        long id = userData.address();
        Entry entry = entries.get(id);
        if (entry == null) {
            return null;
        }
        if (entry.oneShot()) {
            entries.remove(id);
        }
        return entry.handler();
    }

    void remove(MemorySegment userData) {
        entries.remove(userData.address());
    }

    /** How many handlers are registered: tests use it to prove nothing leaks. */
    int size() {
        return entries.size();
    }
}
