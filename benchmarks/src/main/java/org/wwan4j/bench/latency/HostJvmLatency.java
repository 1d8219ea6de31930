package org.wwan4j.bench.latency;

import java.nio.file.Path;
import org.wwan4j.bench.BenchEnvironment;
import org.wwan4j.bench.host.HostJvm;

/**
 * The Java contender: a host JVM with the launcher's flags (its own process, like the C baseline, and away from the
 * emulators in the harness JVM) opens the device once through the idiomatic API and times each request from the
 * calling thread (see HostedLatency).
 */
public final class JavaApiLatency implements LatencyContender {

    /**
     * Untimed requests before the timed ones, in the same JVM. C1 (TieredStopAtLevel=1) is still compiling the request
     * path after 2,000: with -XX:+PrintCompilation, 31-38 compilations fell into the next 1,000 requests and 2-3 into
     * the 1,000 after those (MBIM, four JVMs), and on two cores the compiler thread takes its CPU from the caller and
     * the emulator while the rounds are timed. 10,000 leaves the rounds to the compiled path.
     */
    private static final int WARMUP = 10_000;

    private final BenchEnvironment environment;
    private final String protocol;

    public JavaApiLatency(BenchEnvironment environment, String protocol) {
        this.environment = environment;
        this.protocol = protocol;
    }

    @Override
    public String protocol() {
        return protocol;
    }

    @Override
    public String name() {
        return "java";
    }

    @Override
    public long[] measure(Path device, int requests) throws Exception {
        Path samples = environment.scratch().resolve(protocol + "-java.samples");
        try (HostJvm host = HostJvm.start(environment, protocol + "-java-latency")) {
            host.call(String.join(" ", "latency", protocol, device.toString(), Integer.toString(requests),
                    Integer.toString(WARMUP), samples.toString()), "measured");
        }
        return SampleFile.readMicrosAsNanos(samples);
    }
}
