package org.wwan4j.bench.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LatencyChartTest {

    @Test
    void theCumulativeCurveRunsFromTheFastestToTheSlowestSample() {
        double[][] curve = LatencyChart.cumulative(new double[] {40, 10, 30, 20}, 200);

        assertArrayEquals(new double[] {10, 20, 30, 40}, curve[0]);
        assertArrayEquals(new double[] {25, 50, 75, 100}, curve[1]);
    }

    @Test
    void manySamplesAreThinnedToTheGivenNumberOfPointsKeepingTheExtremes() {
        double[] samples = new double[10_000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = i + 1;
        }
        double[][] curve = LatencyChart.cumulative(samples, 200);

        assertEquals(200, curve[0].length);
        assertEquals(1.0, curve[0][0]);
        assertEquals(10_000.0, curve[0][199]);
        assertEquals(100.0, curve[1][199]);
    }
}
