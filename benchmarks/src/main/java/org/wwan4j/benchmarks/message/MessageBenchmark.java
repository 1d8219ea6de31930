package org.wwan4j.benchmarks.message;

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

/**
 * Building a request and parsing a response with libqmi/libmbim through the generated layer, no device: the CPU cost
 * of the message layer alone, under every API round trip. Each operation includes copying the bytes across.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class MessageBenchmark {

    private QmiCodec qmi;
    private MbimCodec mbim;

    @Setup(Level.Trial)
    public void open() {
        qmi = new QmiCodec();
        mbim = new MbimCodec();
    }

    @TearDown(Level.Trial)
    public void close() {
        qmi.close();
        mbim.close();
    }

    @Benchmark
    public byte[] qmiBuildDmsGetIds() {
        return qmi.buildDmsGetIdsRequest((short) 1);
    }

    @Benchmark
    public String qmiParseDmsGetIds() {
        return qmi.parseCannedImei();
    }

    @Benchmark
    public byte[] mbimBuildDeviceCaps() {
        return mbim.buildDeviceCapsQuery();
    }

    @Benchmark
    public String mbimParseDeviceCaps() {
        return mbim.parseCannedDeviceId();
    }
}
