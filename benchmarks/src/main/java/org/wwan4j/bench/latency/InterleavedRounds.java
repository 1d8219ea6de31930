package org.wwan4j.bench.latency;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures the in-process contenders of one protocol (the C client, the Java API, the bare FFM floor) against the same
 * emulated modem in rotating rounds, so that none is measured under conditions the others never see.
 *
 * <p>Why rounds: the emulator runs in the harness JVM, whose JIT is still compiling its request path during the first
 * few thousand requests of a protocol (a contender measured first paid for it, the next one did not); and on two
 * cores the scheduler puts a client and the emulator's port thread on the same CPU or on different ones for seconds at
 * a time, which moves a p50 by a factor of two between consecutive runs of the same binary. So: one untimed run of
 * each first, {@code warmupRequests} long (enough for the harness's C2 to have compiled the emulator's request path,
 * and the page cache warm for all), then {@code rounds} timed rounds in A B C, B C A, C A B order (A B, B A with
 * two: each goes first in as many rounds as the others), each a fresh process that opens the device, warms up as
 * it always does and times its share.
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

    /** Runs every contender; a contender that fails stops being measured, the others go on. */
    public static Map<LatencyContender, Outcome> run(List<LatencyContender> contenders, Path device,
                                                     int warmupRequests, int rounds, int requestsPerRound) {
        Map<LatencyContender, List<long[]>> samples = new LinkedHashMap<>();
        Map<LatencyContender, Exception> failures = new LinkedHashMap<>();
        contenders.forEach(contender -> samples.put(contender, new ArrayList<>()));
        for (LatencyContender contender : contenders) {
            measureOnce(contender, device, warmupRequests, null, failures); // warm-up run, not kept
        }
        for (int index : order(rounds, contenders.size())) {
            LatencyContender contender = contenders.get(index);
            measureOnce(contender, device, requestsPerRound, samples.get(contender), failures);
        }
        Map<LatencyContender, Outcome> outcomes = new LinkedHashMap<>();
        for (LatencyContender contender : contenders) {
            Exception failure = failures.get(contender);
            outcomes.put(contender, new Outcome(failure == null ? List.copyOf(samples.get(contender)) : List.of(),
                    failure));
        }
        return outcomes;
    }

    /** Which contender runs next, round by round, each round the one before rotated: 0 1 2, 1 2 0, 2 0 1, ... */
    static List<Integer> order(int rounds, int contenders) {
        List<Integer> order = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            for (int position = 0; position < contenders; position++) {
                order.add((round + position) % contenders);
            }
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
