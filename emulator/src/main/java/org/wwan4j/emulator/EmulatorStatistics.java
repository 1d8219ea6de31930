package org.wwan4j.emulator;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What tests want to know about the client side of the conversation: client IDs held per service, allocations ever
 * made, and requests seen per message. Services are named as the protocol names them ("DMS", "NAS"... for QMI, the
 * service name for MBIM); message ids are the protocol's numbers.
 */
public final class EmulatorStatistics {

    private final Map<String, AtomicInteger> allocated = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> allocations = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> requests = new ConcurrentHashMap<>();
    private final AtomicLong lastClientCloses = new AtomicLong();
    private final AtomicLong connectRequests = new AtomicLong();
    private final AtomicLong connectsWhileUp = new AtomicLong();
    /** The most recent requests in the order they were handled, oldest first; bounded. Guarded by itself. */
    private final java.util.ArrayDeque<String> recentRequests = new java.util.ArrayDeque<>();
    /** How many requests {@link #recentRequests()} keeps: enough for a bring-up, bounded for long runs. */
    public static final int RECENT_REQUESTS = 512;

    /** The port saw its last client close (and flushed what was left). */
    public void lastClientClosed() {
        lastClientCloses.incrementAndGet();
    }

    /**
     * How often the last client closed the port. A pty carries one byte stream, so a test that starts a new client
     * right after an old one that left bytes behind waits for this to move first, as a host would wait for a device
     * to settle.
     */
    public long lastClientCloses() {
        return lastClientCloses.get();
    }

    public void clientAllocated(String service) {
        allocated.computeIfAbsent(service, s -> new AtomicInteger()).incrementAndGet();
        allocations.computeIfAbsent(service, s -> new AtomicLong()).incrementAndGet();
    }

    public void clientReleased(String service) {
        allocated.computeIfAbsent(service, s -> new AtomicInteger()).updateAndGet(n -> Math.max(0, n - 1));
    }

    /** All clients of every service are gone (reboot). */
    public void allClientsReleased() {
        allocated.values().forEach(count -> count.set(0));
    }

    public void requestSeen(String service, int messageId) {
        String key = key(service, messageId);
        requests.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
        synchronized (recentRequests) {
            if (recentRequests.size() == RECENT_REQUESTS) {
                recentRequests.removeFirst();
            }
            recentRequests.addLast(key);
        }
    }

    /**
     * The last {@link #RECENT_REQUESTS} requests as "SERVICE/0xID", in the order handled (oldest first): lets a test
     * check what a host asks before what, e.g. the data format before Start Network.
     */
    public java.util.List<String> recentRequests() {
        synchronized (recentRequests) {
            return java.util.List.copyOf(recentRequests);
        }
    }

    /** Client IDs of this service currently allocated. */
    public int clientsAllocated(String service) {
        AtomicInteger count = allocated.get(service);
        return count == null ? 0 : count.get();
    }

    /** Client IDs currently allocated, per service that ever had one, sorted by service. */
    public Map<String, Integer> clientsAllocated() {
        Map<String, Integer> all = new TreeMap<>();
        allocated.forEach((service, count) -> all.put(service, count.get()));
        return all;
    }

    /** Client IDs of this service ever allocated. */
    public long totalAllocations(String service) {
        AtomicLong count = allocations.get(service);
        return count == null ? 0 : count.get();
    }

    public long requestsSeen(String service, int messageId) {
        AtomicLong count = requests.get(key(service, messageId));
        return count == null ? 0 : count.get();
    }

    /**
     * A host asked to bring the data bearer up (QMI WDS Start Network, MBIM Connect activate), whatever the answer.
     *
     * @param bearerAlreadyUp the bearer was up when the request came: a host that lost track of its own session
     *                        (e.g. restarted without adopting it) connects again
     */
    public void connectRequested(boolean bearerAlreadyUp) {
        connectRequests.incrementAndGet();
        if (bearerAlreadyUp) {
            connectsWhileUp.incrementAndGet();
        }
    }

    /** Requests to bring the bearer up, ever. */
    public long connectRequests() {
        return connectRequests.get();
    }

    /** Requests to bring the bearer up that came while it was already up: duplicate connects. */
    public long connectRequestsWhileUp() {
        return connectsWhileUp.get();
    }

    /** Every request counter, keyed "SERVICE/0xID", sorted. */
    public Map<String, Long> requestCounts() {
        Map<String, Long> all = new TreeMap<>();
        requests.forEach((key, count) -> all.put(key, count.get()));
        return all;
    }

    private static String key(String service, int messageId) {
        return service + "/0x" + String.format("%04X", messageId);
    }
}
