package org.wwan4j.agent.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.wwan4j.agent.status.Counters;

class StallDetectorTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration WINDOW = Duration.ofSeconds(120);

    private final StallDetector detector = new StallDetector();

    private static Counters rx(Long bytes, Long packets) {
        return new Counters(5L, bytes, 1L, packets, null, null, null, null);
    }

    private static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    @Test
    void stalledOnlyWhileTheProbeFailsAndTheCountersStandStillForTheWholeWindow() {
        detector.counters(at(0), rx(1000L, 10L));
        detector.counters(at(60), rx(1000L, 10L));
        assertFalse(detector.stalled(at(130), WINDOW), "the probe has not failed");
        detector.probe(false);
        assertFalse(detector.stalled(at(119), WINDOW));
        assertTrue(detector.stalled(at(120), WINDOW));
        detector.probe(true);
        assertFalse(detector.stalled(at(200), WINDOW), "a probe success means data reaches the network");
    }

    @Test
    void countersThatMoveAreDataFlowingAndRestartTheWindow() {
        assertFalse(detector.counters(at(0), rx(1000L, 10L)), "a first reading proves nothing");
        detector.probe(false);
        assertTrue(detector.counters(at(60), rx(1500L, 12L)));
        assertFalse(detector.stalled(at(150), WINDOW));
        assertEquals(Duration.ofSeconds(30), detector.untilStalled(at(150), WINDOW));
        assertTrue(detector.stalled(at(180), WINDOW));
    }

    @Test
    void countersTheModemDoesNotGiveAreNeverFrozen() {
        detector.probe(false);
        detector.counters(at(0), rx(null, null));
        detector.counters(at(600), rx(null, null));
        assertFalse(detector.stalled(at(3600), WINDOW));
        assertNull(detector.untilStalled(at(3600), WINDOW));
        assertFalse(detector.countersKnown());
        detector.counters(at(0), null);
        assertFalse(detector.stalled(at(3600), WINDOW));
    }

    @Test
    void packetsAloneAreEnoughWhenBytesAreMissing() {
        detector.probe(false);
        detector.counters(at(0), rx(null, 10L));
        assertTrue(detector.counters(at(60), rx(null, 11L)));
        assertTrue(detector.stalled(at(180), WINDOW));
    }

    @Test
    void aResetForgetsEverything() {
        detector.counters(at(0), rx(1L, 1L));
        detector.probe(false);
        detector.reset();
        assertFalse(detector.stalled(at(1000), WINDOW));
        assertNull(detector.untilStalled(at(1000), WINDOW));
    }
}
