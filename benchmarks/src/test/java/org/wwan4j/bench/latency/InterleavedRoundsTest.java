package org.wwan4j.bench.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InterleavedRoundsTest {

    private static final Path DEVICE = Path.of("/dev/pts/emulated");

    /** Records every run in a shared log; each run's samples are its run number, so rounds can be told apart. */
    private static final class Recorder implements LatencyContender {
        private final String name;
        private final List<String> log;
        private final int failOnRun;
        private int runs;
        final List<Integer> requestsAsked = new ArrayList<>();

        Recorder(String name, List<String> log, int failOnRun) {
            this.name = name;
            this.log = log;
            this.failOnRun = failOnRun;
        }

        @Override
        public String protocol() {
            return "mbim";
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public long[] measure(Path device, int requests) throws Exception {
            runs++;
            requestsAsked.add(requests);
            log.add(name + runs);
            if (runs == failOnRun) {
                throw new IOException(name + " crashed");
            }
            long[] samples = new long[requests];
            java.util.Arrays.fill(samples, runs);
            return samples;
        }
    }

    @Test
    void eachContenderGoesFirstInHalfTheRounds() {
        assertEquals(List.of(0, 1, 1, 0, 0, 1, 1, 0, 0, 1), InterleavedRounds.order(5, 2));
    }

    @Test
    void threeContendersRotateSoEachGoesFirstAndLastInTurn() {
        assertEquals(List.of(0, 1, 2, 1, 2, 0, 2, 0, 1, 0, 1, 2), InterleavedRounds.order(4, 3));
    }

    @Test
    void aThirdContenderIsWarmedUpAndMeasuredInEveryRound() {
        List<String> log = new ArrayList<>();
        Recorder c = new Recorder("c", log, 0);
        Recorder java = new Recorder("java", log, 0);
        Recorder bare = new Recorder("bare", log, 0);

        Map<LatencyContender, InterleavedRounds.Outcome> outcomes =
                InterleavedRounds.run(List.of(c, java, bare), DEVICE, 50, 2, 10);

        assertEquals(List.of("c1", "java1", "bare1", "c2", "java2", "bare2", "java3", "bare3", "c3"), log);
        assertEquals(List.of(2L, 3L), outcomes.get(bare).rounds().stream().map(round -> round[0]).toList());
        assertEquals(List.of(50, 10, 10), bare.requestsAsked);
    }

    @Test
    void aWarmUpRunOfEachIsMadeAndNotKept() {
        List<String> log = new ArrayList<>();
        Recorder c = new Recorder("c", log, 0);
        Recorder java = new Recorder("java", log, 0);

        Map<LatencyContender, InterleavedRounds.Outcome> outcomes = InterleavedRounds.run(List.of(c, java), DEVICE, 50, 3, 10);

        assertEquals(List.of("c1", "java1", "c2", "java2", "java3", "c3", "c4", "java4"), log);
        List<long[]> cRounds = outcomes.get(c).rounds();
        assertEquals(3, cRounds.size());
        assertEquals(List.of(2L, 3L, 4L), cRounds.stream().map(round -> round[0]).toList());
        assertEquals(10, cRounds.getFirst().length);
        assertEquals(List.of(50, 10, 10, 10), c.requestsAsked);
        assertTrue(outcomes.get(java).measured());
    }

    @Test
    void aFailingContenderStopsAndTheOtherGoesOn() {
        List<String> log = new ArrayList<>();
        Recorder c = new Recorder("c", log, 0);
        Recorder java = new Recorder("java", log, 2);

        Map<LatencyContender, InterleavedRounds.Outcome> outcomes = InterleavedRounds.run(List.of(c, java), DEVICE, 50, 3, 10);

        assertFalse(outcomes.get(java).measured());
        assertEquals("java crashed", outcomes.get(java).failure().getMessage());
        assertEquals(3, outcomes.get(c).rounds().size());
        assertEquals(List.of("c1", "java1", "c2", "java2", "c3", "c4"), log);
        assertSame(c, outcomes.keySet().iterator().next());
    }
}
