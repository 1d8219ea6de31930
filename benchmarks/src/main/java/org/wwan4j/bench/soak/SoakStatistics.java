package org.wwan4j.bench.soak;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.LongSummaryStatistics;

/**
 * What a soak's PSS samples say. The average, minimum and maximum leave out the first {@link #SETTLED} after the
 * first complete status: until then the agent is still starting (its first trim, the first runs of its periodic
 * work), which the memory section's headline reading also waits out. Figures with no sample to stand on are null.
 *
 * @param at30sKb     the first sample at least 30 s after the first complete status (issue 12's "after 30 s")
 * @param endKb       the last sample
 * @param settledAvgKb average of the samples from {@link #SETTLED} on
 * @param settledMinKb the smallest of them
 * @param settledMaxKb the largest of them
 * @param perMinuteKb the first sample at or after each whole minute (0, 1, 2...): the run's shape, small enough to
 *                    print
 */
record SoakStatistics(Long at30sKb, Long endKb, Double settledAvgKb, Long settledMinKb, Long settledMaxKb,
                      List<Long> perMinuteKb) {

    static final Duration AT_30_S = Duration.ofSeconds(30);
    static final Duration SETTLED = Duration.ofMinutes(2);

    SoakStatistics {
        perMinuteKb = List.copyOf(perMinuteKb);
    }

    /** @param samples in the order they were taken */
    static SoakStatistics of(List<PssSample> samples) {
        Long at30s = samples.stream().filter(s -> s.sinceFirstStatus().compareTo(AT_30_S) >= 0).findFirst()
                .map(PssSample::pssKb).orElse(null);
        Long end = samples.isEmpty() ? null : samples.getLast().pssKb();
        LongSummaryStatistics settled = samples.stream().filter(s -> s.sinceFirstStatus().compareTo(SETTLED) >= 0)
                .mapToLong(PssSample::pssKb).summaryStatistics();
        boolean anySettled = settled.getCount() > 0;
        return new SoakStatistics(at30s, end, anySettled ? settled.getAverage() : null,
                anySettled ? settled.getMin() : null, anySettled ? settled.getMax() : null, perMinute(samples));
    }

    private static List<Long> perMinute(List<PssSample> samples) {
        List<Long> perMinute = new ArrayList<>();
        for (PssSample sample : samples) {
            while (sample.sinceFirstStatus().toMinutes() >= perMinute.size()) {
                perMinute.add(sample.pssKb()); // a minute without a sample of its own gets the next one
            }
        }
        return perMinute;
    }
}
