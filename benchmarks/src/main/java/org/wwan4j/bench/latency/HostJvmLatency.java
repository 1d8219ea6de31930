package org.wwan4j.bench.latency;

import java.nio.file.Path;
import org.wwan4j.bench.BenchEnvironment;
import org.wwan4j.bench.host.HostJvm;

/**
 * A contender that runs in a host JVM with the launcher's flags (its own process, like the C baseline, and away from
 * the emulators in the harness JVM), opens the device once and times each request from the calling thread: the
 * idiomatic API ({@link #api}, see HostedLatency), the C baseline's calls through bare FFM ({@link #bareFfm}, see
 * BareFfmMbimLatency: the floor under the API's figure), or the C client itself called through one downcall
 * ({@link #cInJvm}, see CInJvmMbimLatency: what the JVM process costs the C code).
 */
public final class HostJvmLatency implements LatencyContender {

    /**
     * Untimed requests before the timed ones, in the same JVM. C1 (TieredStopAtLevel=1) is still compiling the request
     * path after 2,000: with -XX:+PrintCompilation, 31-38 compilations fell into the next 1,000 requests and 2-3 into
     * the 1,000 after those (MBIM, four JVMs), and on two cores the compiler thread takes its CPU from the caller and
     * the emulator while the rounds are timed. 10,000 leaves the rounds to the compiled path.
     */
    private static final int WARMUP = 10_000;

    private final BenchEnvironment environment;
    private final String protocol;
    private final String name;
    private final String hostCommand;
    private final int warmup;

    private HostJvmLatency(BenchEnvironment environment, String protocol, String name, String hostCommand,
                           int warmup) {
        this.environment = environment;
        this.protocol = protocol;
        this.name = name;
        this.hostCommand = hostCommand;
        this.warmup = warmup;
    }

    /**
     * The idiomatic API ("java"): {@code QmiDevice} + {@code ClientDms.getIds()}, or
     * {@code BasicConnect.queryDeviceCaps()}.
     */
    public static HostJvmLatency api(BenchEnvironment environment, String protocol) {
        return new HostJvmLatency(environment, protocol, "java", "latency", WARMUP);
    }

    /** MBIM Device Caps as the C client makes it, through the generated bindings and nothing else ("bare_ffm"). */
    public static HostJvmLatency bareFfm(BenchEnvironment environment) {
        return new HostJvmLatency(environment, "mbim", "bare_ffm", "bare-latency", WARMUP);
    }

    /** The C MBIM client's program run in a host JVM through one downcall ("c_in_jvm"). */
    public static HostJvmLatency cInJvm(BenchEnvironment environment) {
        return new HostJvmLatency(environment, "mbim", "c_in_jvm", "c-in-jvm " + environment.mbimBaselineLibrary(),
                CBaselineLatency.WARMUP);
    }

    @Override
    public String protocol() {
        return protocol;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long[] measure(Path device, int requests) throws Exception {
        Path samples = environment.scratch().resolve(protocol + "-" + name + ".samples");
        try (HostJvm host = HostJvm.start(environment, protocol + "-" + name + "-latency")) {
            host.call(String.join(" ", hostCommand, protocol, device.toString(), Integer.toString(requests),
                    Integer.toString(warmup), samples.toString()), "measured");
        }
        return SampleFile.readMicrosAsNanos(samples);
    }
}
