package org.wwan4j.benchmarks.downcall;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.wwan4j.glib.ffi.glib_h;

/**
 * What one trivial downcall costs by each route to native code: the generated FFM binding, JNA direct mapping and
 * a hand-written JNI shim, all calling g_get_monotonic_time() (a vDSO clock read, so the transition dominates).
 * The baseline is an empty Java method returning a field, i.e. what JMH's own harness costs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class DowncallBenchmark {

    // A field, not a constant, so the baseline cannot be folded away.
    private long value = 42;

    @Benchmark
    public long baseline() {
        return value;
    }

    @Benchmark
    public long ffm() {
        return glib_h.g_get_monotonic_time();
    }

    @Benchmark
    public long jna() {
        return JnaGlib.g_get_monotonic_time();
    }

    @Benchmark
    public long jni() {
        return JniShim.monotonicTime();
    }
}
