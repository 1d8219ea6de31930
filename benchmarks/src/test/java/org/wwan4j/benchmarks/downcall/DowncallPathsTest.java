package org.wwan4j.benchmarks.downcall;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.wwan4j.glib.ffi.glib_h;

/** Each DowncallBenchmark path reaches the same clock, so CI proves the benchmark runs without running JMH. */
class DowncallPathsTest {

    @Test
    void allThreePathsReadTheSameMonotonicClock() {
        long ffm = glib_h.g_get_monotonic_time();
        long jna = JnaGlib.g_get_monotonic_time();
        long jni = JniShim.monotonicTime();
        long after = glib_h.g_get_monotonic_time();
        // One clock (microseconds), read in order: each reading is no earlier than the previous one.
        assertTrue(ffm > 0, "ffm " + ffm);
        assertTrue(ffm <= jna && jna <= jni && jni <= after, ffm + " " + jna + " " + jni + " " + after);
        // Same clock, not merely increasing numbers: the readings lie within a minute of each other.
        assertTrue(after - ffm < 60_000_000L, "spread " + (after - ffm) + " us");
    }
}
