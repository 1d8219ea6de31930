package org.wwan4j.agent.eve;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The current items of one topic (key to JSON value), versioned so that each subscriber's session can wait for
 * "anything newer than what I last sent" and then send the difference. Changes made while a session is busy
 * sending coalesce into one wake-up, as with EVE's one-slot notification channel: a slow subscriber gets the
 * latest value, not every intermediate one.
 */
final class PublishedItems {

    /** One consistent view of the items; {@code items} is unmodifiable and its values are never changed. */
    record Snapshot(long version, Map<String, byte[]> items) {
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private Map<String, byte[]> items = Map.of();
    private long version;
    private boolean closed;

    /** Adds or replaces an item; the caller must not change {@code value} afterwards. */
    void put(String key, byte[] value) {
        lock.lock();
        try {
            Map<String, byte[]> next = new LinkedHashMap<>(items);
            next.put(key, value);
            replace(next);
        } finally {
            lock.unlock();
        }
    }

    void remove(String key) {
        lock.lock();
        try {
            if (items.containsKey(key)) {
                Map<String, byte[]> next = new LinkedHashMap<>(items);
                next.remove(key);
                replace(next);
            }
        } finally {
            lock.unlock();
        }
    }

    Snapshot snapshot() {
        lock.lock();
        try {
            return new Snapshot(version, items);
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the items are newer than {@code version}; null once {@link #close()} was called. */
    Snapshot awaitNewerThan(long version) throws InterruptedException {
        lock.lock();
        try {
            while (!closed && this.version == version) {
                changed.await();
            }
            return closed ? null : new Snapshot(this.version, items);
        } finally {
            lock.unlock();
        }
    }

    /** Ends every wait, now and later. */
    void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void replace(Map<String, byte[]> next) {
        items = Collections.unmodifiableMap(next);
        version++;
        changed.signalAll();
    }
}
