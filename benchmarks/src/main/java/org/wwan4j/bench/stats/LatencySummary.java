package org.wwan4j.bench.stats;

import java.util.Arrays;
import java.util.List;

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

    /**
     * Summarises several rounds of the same measurement: each percentile is the median of the rounds' percentiles
     * (with an even number of rounds, the lower of the two middle ones, so it is still a round's figure); the count and
     * the mean are over every sample. One round caught in a slow scheduling mode then moves the figure by one rank
     * instead of dragging every percentile of a pooled set.
     */
    public static LatencySummary medianOfRounds(List<long[]> rounds) {
        if (rounds.isEmpty()) {
            throw new IllegalArgumentException("no rounds");
        }
        List<LatencySummary> each = rounds.stream().map(LatencySummary::ofNanos).toList();
        int count = each.stream().mapToInt(LatencySummary::count).sum();
        double sum = each.stream().mapToDouble(round -> round.meanUs() * round.count()).sum();
        return new LatencySummary(count, median(each.stream().mapToDouble(LatencySummary::p50Us).toArray()),
                median(each.stream().mapToDouble(LatencySummary::p90Us).toArray()),
                median(each.stream().mapToDouble(LatencySummary::p99Us).toArray()), sum / count);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(sorted.length - 1) / 2];
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
