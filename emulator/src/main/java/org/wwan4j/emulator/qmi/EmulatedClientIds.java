package org.wwan4j.emulator.qmi;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Client ids allocated per service. Like a real modem, ids survive the port being closed and reopened (a client that
 * exits without releasing leaks its id), and each service has a limit beyond which allocation fails with
 * ClientIdsExhausted.
 */
final class EmulatedClientIds {

    /** QMUX client ids are one byte; 0 is not used and 0xFF means broadcast. */
    private static final int FIRST_CLIENT_ID = 1;
    private static final int LAST_CLIENT_ID = 0xFE;

    private final int limitPerService;
    private final Map<Integer, Set<Integer>> allocated = new TreeMap<>();
    private final Map<Integer, Integer> lastGiven = new TreeMap<>();

    EmulatedClientIds(int limitPerService) {
        this.limitPerService = limitPerService;
    }

    /** A fresh id for the service, or -1 when the service has no ids left. */
    synchronized int allocate(int service) {
        Set<Integer> ids = allocated.computeIfAbsent(service, s -> new TreeSet<>());
        if (ids.size() >= Math.min(limitPerService, LAST_CLIENT_ID)) {
            return -1;
        }
        // Hand out ids round-robin, as modems do, so a stale id is unlikely to be reused at once.
        int candidate = lastGiven.getOrDefault(service, FIRST_CLIENT_ID - 1);
        do {
            candidate = candidate >= LAST_CLIENT_ID ? FIRST_CLIENT_ID : candidate + 1;
        } while (ids.contains(candidate));
        ids.add(candidate);
        lastGiven.put(service, candidate);
        return candidate;
    }

    synchronized boolean release(int service, int clientId) {
        Set<Integer> ids = allocated.get(service);
        return ids != null && ids.remove(clientId);
    }

    synchronized boolean isAllocated(int service, int clientId) {
        Set<Integer> ids = allocated.get(service);
        return ids != null && ids.contains(clientId);
    }

    synchronized Set<Integer> clients(int service) {
        Set<Integer> ids = allocated.get(service);
        return ids == null ? Set.of() : Set.copyOf(ids);
    }

    /** Forgets every id of every service; returns how many there were per service. */
    synchronized Map<Integer, Set<Integer>> releaseAll() {
        Map<Integer, Set<Integer>> was = new TreeMap<>();
        allocated.forEach((service, ids) -> was.put(service, Set.copyOf(ids)));
        allocated.clear();
        return was;
    }
}
