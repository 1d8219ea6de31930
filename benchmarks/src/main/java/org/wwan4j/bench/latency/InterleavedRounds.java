package org.wwan4j.bench.latency;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures two in-process contenders of one protocol (the C client and the Java API) against the same emulated
 * modem in alternating rounds, so that neither is measured under conditions the other never sees.
 *
 * <p>Why rounds: the emulator runs in the harness JVM, whose JIT is still compiling its request path during the first
 * few thousand requests of a protocol (a contender measured first paid for it, the next one did not); and on two
 * cores the scheduler puts a client and the emulator's port thread on the same CPU or on different ones for seconds at
 * a time, which moves a p50 by a factor of two between consecutive runs of the same binary. So: one untimed run of
 * each first, {@code warmupRequests} long (enough for the harness's C2 to have compiled the emulator's request path,
 * and the page cache warm for both), then {@code rounds} timed rounds in A B, B A, A B order (each goes first in half
 * of them), each a fresh process that opens the device, warms up as it always does and times its share.
 * {@link org.wwan4j.bench.stats.LatencySummary#medianOfRounds} then reports the median round.
 */
public final class InterleavedRounds {

    /** One contender's timed rounds (nanoseconds per request), or why it could not be measured. */
    public record Outcome(List<long[]> rounds, Exception failure) {

        public boolean measured() {
            return failure == null;
        }
    }

    private InterleavedRounds() {}

    /** Runs both contenders; a contender that fails stops being measured, the other goes on. */
    public static Map<LatencyContender, Outcome> run(LatencyContender a, LatencyContender b, Path device,
                                                     int warmupRequests, int rounds, int requestsPerRound) {
        List<LatencyContender> pair = List.of(a, b);
        Map<LatencyContender, List<long[]>> samples = new LinkedHashMap<>();
        Map<LatencyContender, Exception> failures = new LinkedHashMap<>();
        pair.forEach(contender -> samples.put(contender, new ArrayList<>()));
        for (LatencyContender contender : pair) {
            measureOnce(contender, device, warmupRequests, null, failures); // warm-up run, not kept
        }
        for (int index : order(rounds)) {
            LatencyContender contender = pair.get(index);
            measureOnce(contender, device, requestsPerRound, samples.get(contender), failures);
        }
        Map<LatencyContender, Outcome> outcomes = new LinkedHashMap<>();
        for (LatencyContender contender : pair) {
            Exception failure = failures.get(contender);
            outcomes.put(contender, new Outcome(failure == null ? List.copyOf(samples.get(contender)) : List.of(),
                    failure));
        }
        return outcomes;
    }

    /** Which of the two runs next, round by round: 0 1, 1 0, 0 1, ... */
    static List<Integer> order(int rounds) {
        List<Integer> order = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            order.add(round % 2);
            order.add(1 - round % 2);
        }
        return order;
    }

    private static void measureOnce(LatencyContender contender, Path device, int requests, List<long[]> keep,
                                    Map<LatencyContender, Exception> failures) {
        if (failures.containsKey(contender)) {
            return;
        }
        try {
            long[] round = contender.measure(device, requests);
            if (keep != null) {
                keep.add(round);
            }
        } catch (Exception e) {
            failures.put(contender, e);
        }
    }
}
