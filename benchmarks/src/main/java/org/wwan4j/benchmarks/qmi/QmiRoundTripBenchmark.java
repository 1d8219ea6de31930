package org.wwan4j.benchmarks.qmi;

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
import org.wwan4j.emulator.EmulatedModem;
import org.wwan4j.emulator.EmulatedProtocol;
import org.wwan4j.qmi.ClientDms;
import org.wwan4j.qmi.ClientNas;
import org.wwan4j.qmi.QmiDevice;

/**
 * One request round trip through the Java API, the real libqmi and the emulator on a pty: DMS Get IDs and NAS Get
 * Signal Info, each waited for before the next (as the C baseline does). Sample time, in microseconds.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class QmiRoundTripBenchmark {

    private EmulatedModem modem;
    private QmiDevice device;
    private ClientDms dms;
    private ClientNas nas;

    @Setup(Level.Trial)
    public void open() throws Exception {
        modem = EmulatedModem.start(EmulatedProtocol.QMI);
        device = QmiDevice.open(modem.path()).get();
        dms = device.dms().get();
        nas = device.nas().get();
    }

    @TearDown(Level.Trial)
    public void close() {
        device.close();
        modem.close();
    }

    @Benchmark
    public ClientDms.GetIdsOutput dmsGetIds() {
        return dms.getIds().join();
    }

    @Benchmark
    public ClientNas.GetSignalInfoOutput nasGetSignalInfo() {
        return nas.getSignalInfo().join();
    }
}
