package org.wwan4j.bench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {

    @Test
    void percentilesAreNearestRankSamplesInMicroseconds() {
        long[] nanos = new long[100];
        for (int i = 0; i < nanos.length; i++) {
            nanos[i] = (100 - i) * 1_000L; // 100 us down to 1 us, unsorted on purpose
        }
        LatencySummary summary = LatencySummary.ofNanos(nanos);

        assertEquals(100, summary.count());
        assertEquals(50.0, summary.p50Us());
        assertEquals(90.0, summary.p90Us());
        assertEquals(99.0, summary.p99Us());
        assertEquals(50.5, summary.meanUs(), 1e-9);
    }

    @Test
    void aSingleSampleIsEveryPercentile() {
        LatencySummary summary = LatencySummary.ofNanos(new long[] {123_456});

        assertEquals(123.456, summary.p50Us(), 1e-9);
        assertEquals(123.456, summary.p99Us(), 1e-9);
    }

    @Test
    void p99OfTenSamplesIsTheLargest() {
        long[] nanos = {1_000, 2_000, 3_000, 4_000, 5_000, 6_000, 7_000, 8_000, 9_000, 50_000};

        assertEquals(50.0, LatencySummary.ofNanos(nanos).p99Us());
        assertEquals(5.0, LatencySummary.ofNanos(nanos).p50Us());
    }

    @Test
    void theCallersArrayIsNotReordered() {
        long[] nanos = {3, 1, 2};
        LatencySummary.ofNanos(nanos);

        assertEquals(3, nanos[0]);
    }

    @Test
    void noSamplesIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> LatencySummary.ofNanos(new long[0]));
    }

    @Test
    void roundsReportTheirMedianRoundPerPercentileAndCountEverySample() {
        List<long[]> rounds = List.of(
                new long[] {40_000, 40_000, 40_000},    // a fast round
                new long[] {100_000, 100_000, 100_000}, // a slow one (client and emulator on one CPU)
                new long[] {60_000, 60_000, 60_000});

        LatencySummary summary = LatencySummary.medianOfRounds(rounds);

        assertEquals(60.0, summary.p50Us());
        assertEquals(60.0, summary.p99Us());
        assertEquals(9, summary.count());
        assertEquals(200.0 / 3, summary.meanUs(), 1e-9);
    }

    @Test
    void anEvenNumberOfRoundsReportsTheLowerMiddleRound() {
        List<long[]> rounds = List.of(new long[] {10_000}, new long[] {40_000}, new long[] {20_000},
                new long[] {30_000});

        assertEquals(20.0, LatencySummary.medianOfRounds(rounds).p50Us());
    }

    @Test
    void noRoundsIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> LatencySummary.medianOfRounds(List.of()));
    }
}
