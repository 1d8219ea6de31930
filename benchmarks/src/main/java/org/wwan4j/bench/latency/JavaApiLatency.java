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

    private static final int WARMUP = 2_000; // enough for C1 (TieredStopAtLevel=1) to compile the request path

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
