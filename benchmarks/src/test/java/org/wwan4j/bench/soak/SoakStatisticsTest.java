package org.wwan4j.bench.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The soak's figures over its samples: which sample is "30 s", what counts as settled, one sample per minute. */
class SoakStatisticsTest {

    /** One sample a second from 0 to {@code seconds}, each worth {@code kb.at(second)}. */
    private static List<PssSample> everySecond(int seconds, java.util.function.IntToLongFunction kb) {
        List<PssSample> samples = new ArrayList<>();
        for (int second = 0; second <= seconds; second++) {
            samples.add(new PssSample(Duration.ofSeconds(second), kb.applyAsLong(second)));
        }
        return samples;
    }

    @Test
    void theSampleAt30SecondsAndTheLastOne() {
        SoakStatistics stats = SoakStatistics.of(everySecond(180, second -> 40_000 + second));
        assertEquals(40_030L, stats.at30sKb());
        assertEquals(40_180L, stats.endKb());
    }

    @Test
    void averageMinimumAndMaximumLeaveOutTheFirstTwoMinutes() {
        // Start-up is large (50 MB) and falls to 40 MB by 2 minutes, then one peak of 45 MB.
        SoakStatistics stats = SoakStatistics.of(everySecond(240, second -> second < 120 ? 50_000
                : second == 200 ? 45_000 : 40_000));
        assertEquals(40_000L, stats.settledMinKb());
        assertEquals(45_000L, stats.settledMaxKb());
        assertEquals((120 * 40_000.0 + 45_000) / 121, stats.settledAvgKb(), 1e-9);
    }

    @Test
    void oneSamplePerMinuteFromMinuteZero() {
        SoakStatistics stats = SoakStatistics.of(everySecond(180, second -> second));
        assertEquals(List.of(0L, 60L, 120L, 180L), stats.perMinuteKb());
    }

    @Test
    void aMinuteWithoutSamplesTakesTheNextOne() {
        List<PssSample> samples = List.of(new PssSample(Duration.ofSeconds(59), 1),
                new PssSample(Duration.ofSeconds(185), 3));
        assertEquals(List.of(1L, 3L, 3L, 3L), SoakStatistics.of(samples).perMinuteKb());
    }

    @Test
    void aShortRunHasNoSettledFigures() {
        SoakStatistics stats = SoakStatistics.of(everySecond(90, second -> 41_000));
        assertEquals(41_000L, stats.at30sKb());
        assertNull(stats.settledAvgKb());
        assertNull(stats.settledMinKb());
        assertNull(stats.settledMaxKb());
        SoakStatistics tiny = SoakStatistics.of(everySecond(10, second -> 41_000));
        assertNull(tiny.at30sKb());
        assertEquals(41_000L, tiny.endKb());
    }

    @Test
    void noSamplesNoFigures() {
        SoakStatistics stats = SoakStatistics.of(List.of());
        assertNull(stats.endKb());
        assertEquals(List.of(), stats.perMinuteKb());
    }
}
