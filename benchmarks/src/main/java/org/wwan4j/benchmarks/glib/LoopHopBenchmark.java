package org.wwan4j.benchmarks.glib;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.wwan4j.glib.MainLoopThread;

/**
 * The hand-offs an API request pays on the caller's side and a C client on its own loop does not, with no I/O:
 * a task queued from the caller's thread to the GLib loop thread (a wake-up of the loop's poll), completed there
 * into a future the caller is blocked on (an unpark). {@code QmiRoundTripBenchmark} minus this is what the request
 * itself costs (libqmi, the pty, the emulator). Sample time, microseconds.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class LoopHopBenchmark {

    private MainLoopThread loop;

    @Setup(Level.Trial)
    public void start() {
        loop = MainLoopThread.start("loop-hop-benchmark");
    }

    @TearDown(Level.Trial)
    public void stop() {
        loop.close();
    }

    /** Caller -> loop thread -> caller: the two hops of every request. */
    @Benchmark
    public Integer callerToLoopAndBack() {
        return loop.submit(() -> 1).join();
    }
}
