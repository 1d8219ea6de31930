package org.wwan4j.bench.stats;

import java.util.Arrays;

/**
 * Percentiles of one contender's per-request latencies, in microseconds. Nearest-rank percentiles (the smallest
 * sample with at least p% of the samples at or below it): no interpolation, so every figure is a latency that was
 * actually observed.
 */
public record LatencySummary(int count, double p50Us, double p90Us, double p99Us, double meanUs) {

    /** Summarises samples given in nanoseconds; the array is not modified. */
    public static LatencySummary ofNanos(long[] nanos) {
        if (nanos.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (long sample : sorted) {
            sum += sample;
        }
        return new LatencySummary(sorted.length, micros(nearestRank(sorted, 50)), micros(nearestRank(sorted, 90)),
                micros(nearestRank(sorted, 99)), sum / sorted.length / 1_000.0);
    }

    /** The nearest-rank percentile of sorted samples: index ceil(p/100 * n) - 1. */
    static long nearestRank(long[] sorted, double percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double micros(long nanos) {
        return nanos / 1_000.0;
    }
}
